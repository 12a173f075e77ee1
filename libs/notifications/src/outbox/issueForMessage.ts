import type { EventStore, StoredEvent } from '@app/event-store';
import { foldIssue, type IssueEvent, type Issue, type RaisedBy, type ResidentLanguage } from '@app/lifecycle';
import { ERASED, type PersonalDataVault, UNREADABLE } from '@app/personal-data';
import { isIssueStream, streamIdOf, toIssueEvent } from '@app/streams';
import type { NotificationChannel } from './notificationRow';

/** The resident a message goes to, revealed from their sealed details at the moment it is needed. */
export interface Resident {
  readonly name: string;
  readonly email?: string;
  readonly phone?: string;
  readonly postalAddress?: string;
  readonly language: ResidentLanguage;
}

/** An issue as a message about it needs it: its events, its state, and its resident (null once erased). */
export interface IssueForMessage {
  readonly issueId: string;
  readonly issue: Issue;
  readonly events: readonly { readonly stored: StoredEvent; readonly event: IssueEvent }[];
  readonly resident: Resident | null;
}

/** By email when they gave one; else a letter when they gave a postal address; else staff call them. */
export function channelFor(resident: Resident): NotificationChannel {
  if (resident.email) return 'email';
  if (resident.postalAddress) return 'letter';
  return 'phone';
}

/**
 * Reads an issue's stream and reveals its resident through the vault: the only way the outbox
 * and the dispatcher learn an address, so that nothing of the resident is copied into the
 * outbox, and an erased resident (key destroyed, or PersonalDataErased recorded) is nobody.
 */
export class IssueMessageSource {
  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly vault: Pick<PersonalDataVault, 'reveal'>,
  ) {}

  async load(issueId: string): Promise<IssueForMessage | null> {
    const streamId = streamIdOf(issueId);
    if (!isIssueStream(streamId)) return null;
    const stored = await this.store.readStream(streamId);
    if (stored.length === 0) return null;
    const events = stored.map((event) => ({ stored: event, event: toIssueEvent(event) }));
    const state = foldIssue(events.map(({ event }) => event));
    if (state.status === 'none') return null;
    const erased = events.some(({ event }) => event.type === 'PersonalDataErased');
    const resident = erased ? null : residentOf((await this.vault.reveal(state.personal)).raisedBy);
    return { issueId, issue: state, events, resident };
  }
}

function residentOf(raisedBy: RaisedBy): Resident | null {
  if (raisedBy.name === ERASED || raisedBy.name === UNREADABLE) return null;
  return {
    name: raisedBy.name,
    ...(raisedBy.email && { email: raisedBy.email }),
    ...(raisedBy.phone && { phone: raisedBy.phone }),
    ...(raisedBy.postalAddress && { postalAddress: raisedBy.postalAddress }),
    language: raisedBy.language === 'cy' ? 'cy' : 'en',
  };
}
