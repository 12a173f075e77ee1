import type { ResidentNotification } from '../../shared/contract';
import { formatDateTime } from '../../shared/format';

/*
 * A message to the resident in words, for staff: what it is about, how it goes and where it
 * stands ("Acknowledgement — email — sent 24 Nov 2026, 10:30"). Pure.
 */

const EVENT_WORDS: Readonly<Record<string, string>> = {
  IssueLogged: 'Acknowledgement',
  BoardReviewScheduled: 'Board meeting',
  IssueReferred: 'Referral',
  OutcomeFedBack: 'Outcome',
  IssueReopened: 'Reopened',
};

const CHANNEL_WORDS: Readonly<Record<ResidentNotification['channel'], string>> = { email: 'email', letter: 'letter', phone: 'phone call' };

/** What the message is about: the event that owes it, in words. */
export const messageKind = (event: string): string => EVENT_WORDS[event] ?? event;

/** Where the message stands, by its channel: a letter is printed and posted, a call made. */
export function messageState(notification: Pick<ResidentNotification, 'channel' | 'status' | 'sentAt' | 'attempts' | 'lastError'>): string {
  const { channel, status } = notification;
  switch (status) {
    case 'sent':
      return notification.sentAt ? `sent ${formatDateTime(notification.sentAt)}` : 'sent';
    case 'done':
      return channel === 'phone' ? 'called' : channel === 'letter' ? 'posted' : 'done';
    case 'failed':
      return `FAILED${notification.lastError ? `: ${notification.lastError}` : ''}`;
    case 'cancelled':
      return 'cancelled';
    case 'pending':
      if (channel === 'letter') return 'to print and post';
      if (channel === 'phone') return 'call to make';
      return notification.attempts > 0 ? `not sent yet (${notification.attempts} ${notification.attempts === 1 ? 'try' : 'tries'}; trying again)` : 'waiting to be sent';
  }
}

/** The whole line: "Acknowledgement — email — sent 24 Nov 2026, 10:30". */
export const messageLine = (notification: ResidentNotification): string =>
  `${messageKind(notification.event)} — ${CHANNEL_WORDS[notification.channel] ?? notification.channel} — ${messageState(notification)}`;
