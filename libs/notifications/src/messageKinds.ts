import type { ResidentLanguage } from '@app/lifecycle';

/** The events that tell the resident (the contract's "Notifications to residents"), one message each. */
export const NOTIFYING_EVENTS = ['IssueLogged', 'BoardReviewScheduled', 'IssueReferred', 'OutcomeFedBack', 'IssueReopened'] as const;
export type NotifyingEvent = (typeof NOTIFYING_EVENTS)[number];

export const isNotifyingEvent = (type: string): type is NotifyingEvent => (NOTIFYING_EVENTS as readonly string[]).includes(type);

/** What a message's template may say: the issue, the tracker, and what the step itself carries. */
export interface MessageContext {
  readonly reference: string;
  readonly title: string;
  /** The resident's name, as they gave it. */
  readonly residentName: string;
  /** `PUBLIC_BASE_URL/track/:reference?lang=xx`: where they follow the issue. */
  readonly trackerUrl: string;
  /** When the step happened (ISO 8601), and the same in words in the message's language. */
  readonly occurredAt: string;
  readonly occurredOn: string;
  /** BoardReviewScheduled: the meeting (its date in words; its venue when the review names a meeting). */
  readonly meeting?: { readonly date: string; readonly dateText: string; readonly venue?: string; readonly agendaUrl?: string };
  /** IssueReferred: to whom. */
  readonly serviceProvider?: string;
  /** OutcomeFedBack: the message fed back, the outcome recorded, and the two answer links. */
  readonly message?: string;
  readonly outcome?: string;
  readonly confirmUrl?: string;
  readonly disputeUrl?: string;
  /** IssueReopened: why. */
  readonly reason?: string;
  /** Who signs the message (the council's name); the templates say "the residents' issues team" without it. */
  readonly councilName?: string;
}

/** A message rendered for one resident: a subject, plain text and HTML bodies. */
export interface RenderedMessage {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export interface MessageRenderer {
  render(event: NotifyingEvent, language: ResidentLanguage, context: MessageContext): RenderedMessage;
}
