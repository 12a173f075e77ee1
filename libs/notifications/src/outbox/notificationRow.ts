import type { ResidentLanguage } from '@app/lifecycle';
import { numberOf } from '@app/projections';
import type { NotifyingEvent } from '../messageKinds';

/** How a message reaches the resident: by email, else a letter to their postal address, else a call from staff. */
export type NotificationChannel = 'email' | 'letter' | 'phone';
/** pending: owed; sent: an email accepted by the SMTP server; failed: refused for good; cancelled: the resident's data erased; done: staff posted the letter or made the call. */
export type NotificationStatus = 'pending' | 'sent' | 'failed' | 'cancelled' | 'done';

export interface Notification {
  readonly id: string;
  readonly issueId: string;
  readonly reference: string;
  readonly areaId: string;
  readonly event: NotifyingEvent;
  /** The version of the issue's stream the event is at. */
  readonly eventVersion: number;
  readonly channel: NotificationChannel;
  readonly language: ResidentLanguage;
  readonly status: NotificationStatus;
  readonly attempts: number;
  /** Epoch milliseconds: a pending email is not tried again before then. */
  readonly nextAttemptAt: number;
  readonly createdAt: string;
  readonly sentAt: string | null;
  readonly doneAt: string | null;
  readonly doneBy: string | null;
  readonly lastError: string | null;
}

export interface NotificationRecord {
  id: string;
  issue_id: string;
  reference: string;
  area_id: string;
  event_type: string;
  event_version: number | string;
  channel: string;
  language: string;
  status: string;
  attempts: number | string;
  next_attempt_at: number | string;
  created_at: string;
  sent_at: string | null;
  done_at: string | null;
  done_by: string | null;
  last_error: string | null;
}

export const toNotification = (row: NotificationRecord): Notification => ({
  id: row.id,
  issueId: row.issue_id,
  reference: row.reference,
  areaId: row.area_id,
  event: row.event_type as NotifyingEvent,
  eventVersion: numberOf(row.event_version),
  channel: row.channel as NotificationChannel,
  language: row.language as ResidentLanguage,
  status: row.status as NotificationStatus,
  attempts: numberOf(row.attempts),
  nextAttemptAt: numberOf(row.next_attempt_at),
  createdAt: row.created_at,
  sentAt: row.sent_at,
  doneAt: row.done_at,
  doneBy: row.done_by,
  lastError: row.last_error,
});
