import type { EventStore } from '@app/event-store';
import { meetingStreamIdOf, toMeetingEvent } from '@app/streams';
import type { ResidentLanguage } from '@app/lifecycle';
import type { MessageContext, MessageRenderer, RenderedMessage } from '../messageKinds';
import { answerLinks, type ResidentLinks } from '../residentLinks';
import type { IssueForMessage, IssueMessageSource, Resident } from './issueForMessage';
import type { Notification } from './notificationRow';

export interface ComposerDeps {
  readonly issues: Pick<IssueMessageSource, 'load'>;
  readonly store: Pick<EventStore, 'readStream'>;
  readonly renderer: MessageRenderer;
  readonly links: ResidentLinks;
  /** Where links in messages point (PUBLIC_BASE_URL). */
  readonly publicBaseUrl: string;
  readonly dateInWords: (iso: string, language: ResidentLanguage) => string;
}

/** A message ready to go: to whom, in which words. Null `resident`: erased, it must not go. */
export type ComposedMessage = { readonly resident: Resident; readonly message: RenderedMessage } | { readonly resident: null };

/**
 * Writes a notification's message at the moment it is sent (or its letter printed): the resident
 * revealed then, so an erasure since it was owed stops it; the words from the council's
 * templates in the resident's language; for an outcome, the links to confirm or dispute it,
 * signed the same way on every resend (the notification names the token, the row's time dates it).
 */
export class MessageComposer {
  constructor(private readonly deps: ComposerDeps) {}

  async compose(notification: Notification): Promise<ComposedMessage> {
    const loaded = await this.deps.issues.load(notification.issueId);
    if (!loaded?.resident) return { resident: null };
    const context = await this.contextOf(notification, loaded, loaded.resident);
    return { resident: loaded.resident, message: this.deps.renderer.render(notification.event, notification.language, context) };
  }

  private async contextOf(notification: Notification, loaded: IssueForMessage, resident: Resident): Promise<MessageContext> {
    const { issue } = loaded;
    const language = notification.language;
    const base = this.deps.publicBaseUrl.replace(/\/+$/, '');
    const step = loaded.events.find(({ stored }) => stored.version === notification.eventVersion)?.event;
    const occurredAt = step?.occurredAt ?? notification.createdAt;
    const context: MessageContext = {
      reference: issue.reference,
      title: issue.title,
      residentName: resident.name,
      trackerUrl: `${base}/track/${encodeURIComponent(issue.reference)}${language === 'cy' ? '?lang=cy' : ''}`,
      occurredAt,
      occurredOn: this.deps.dateInWords(occurredAt, language),
    };
    switch (step?.type) {
      case 'BoardReviewScheduled': {
        const venue = step.data.meetingId ? await this.venueOf(step.data.meetingId) : undefined;
        return {
          ...context,
          meeting: {
            date: step.data.meetingDate,
            dateText: this.deps.dateInWords(step.data.meetingDate, language),
            ...(venue !== undefined && { venue }),
            ...(step.data.meetingId && { agendaUrl: `${base}/meetings/${encodeURIComponent(step.data.meetingId)}/agenda.html` }),
          },
        };
      }
      case 'IssueReferred':
        return { ...context, serviceProvider: step.data.serviceProvider };
      case 'OutcomeFedBack': {
        const token = this.deps.links.sign({
          issueId: notification.issueId,
          reference: issue.reference,
          tokenId: notification.id,
          issuedAt: new Date(notification.createdAt),
        });
        const links = answerLinks(base, issue.reference, token);
        const withLang = (url: string) => (language === 'cy' ? `${url}&lang=cy` : url);
        return {
          ...context,
          message: step.data.message,
          ...outcomeBefore(loaded, notification.eventVersion),
          confirmUrl: withLang(links.confirmUrl),
          disputeUrl: withLang(links.disputeUrl),
        };
      }
      case 'IssueReopened':
        return { ...context, reason: step.data.reason };
      default:
        return context;
    }
  }

  /** The venue of a board meeting, from its own stream (its MeetingScheduled). */
  private async venueOf(meetingId: string): Promise<string | undefined> {
    const events = await this.deps.store.readStream(meetingStreamIdOf(meetingId));
    const scheduled = events.map(toMeetingEvent).find((event) => event.type === 'MeetingScheduled');
    return scheduled?.type === 'MeetingScheduled' ? scheduled.data.venue : undefined;
  }
}

/** The outcome the feedback was about: the last one recorded before it (the issue may have been reopened since). */
function outcomeBefore(loaded: IssueForMessage, version: number): { outcome?: string } {
  const resolved = loaded.events.filter(({ stored, event }) => stored.version < version && event.type === 'IssueResolved').pop()?.event;
  return resolved?.type === 'IssueResolved' ? { outcome: resolved.data.outcome } : {};
}
