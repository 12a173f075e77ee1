import type { Provider } from '@nestjs/common';
import type { AuditKeys } from '@app/audit';
import type { EventStoreAdapter } from '@app/event-store';
import { PersonalDataVault, SUBJECT_LOOKUP_PURPOSE } from '@app/personal-data';
import { AUDIT_KEYS, EVENT_STORE } from '../store/tokens';

/**
 * The vault over the event store's key table. Its lookup secret is derived from the audit key,
 * which lives outside the database: the table alone cannot tell whose key a row is.
 */
export const personalDataVaultProvider: Provider<PersonalDataVault> = {
  provide: PersonalDataVault,
  inject: [EVENT_STORE, AUDIT_KEYS],
  useFactory: (store: EventStoreAdapter, keys: AuditKeys) => new PersonalDataVault(store, keys.deriveSecret(SUBJECT_LOOKUP_PURPOSE)),
};
