import type { Provider } from '@nestjs/common';
import type { RevealPersonalData } from '@app/audit';
import type { EventStoreAdapter } from '@app/event-store';
import { erasedStreamsIn, PersonalDataVault, revealStoredEvents } from '@app/personal-data';
import { REVEAL_PERSONAL_DATA } from '../audit/revealPersonalData';
import { EVENT_STORE } from '../store/tokens';

/** History, state at an instant and export show personal data revealed through the vault, or "[erased]". */
export const revealThroughVaultProvider: Provider<RevealPersonalData> = {
  provide: REVEAL_PERSONAL_DATA,
  inject: [PersonalDataVault, EVENT_STORE],
  useFactory: (vault: PersonalDataVault, store: EventStoreAdapter): RevealPersonalData => {
    const erasedStreams = erasedStreamsIn(store);
    return (events) => revealStoredEvents(vault, events, erasedStreams);
  },
};
