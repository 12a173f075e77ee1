import { IsIn, IsOptional } from 'class-validator';
import type { Notification } from '@app/notifications';

const CHANNELS = ['email', 'letter', 'phone'] as const;
const STATUSES = ['pending', 'sent', 'failed', 'cancelled', 'done'] as const;

/** One message owed to the resident (shared/contract/API.md, "Notifications to residents"). */
export class NotificationView {
  id: string;
  /** The event that owes it: IssueLogged, BoardReviewScheduled, IssueReferred, OutcomeFedBack, IssueReopened. */
  event: string;
  issueId: string;
  reference: string;
  @IsIn(CHANNELS)
  channel: string;
  /** `en` or `cy`. */
  language: string;
  @IsIn(STATUSES)
  status: string;
  /** Tries to send it by email so far. */
  attempts: number;
  sentAt?: string;
  /** When it was owed (its event recorded). */
  createdAt: string;
  /** A letter posted or a call made: when, and by whom. */
  doneAt?: string;
  doneBy?: string;
  /** Why the last try failed (an email); absent once sent. */
  lastError?: string;
}

/** A letter in the print queue: a notification whose channel is `letter` (its id is the notification's). */
export class LetterView {
  id: string;
  notificationId: string;
  issueId: string;
  reference: string;
  status: string;
  createdAt: string;
}

export class LettersQueryDto {
  /** Default: every letter. */
  @IsOptional()
  @IsIn(STATUSES)
  status?: (typeof STATUSES)[number];
}

export class NotificationsQueryDto extends LettersQueryDto {
  @IsOptional()
  @IsIn(CHANNELS)
  channel?: (typeof CHANNELS)[number];
}

export function toNotificationView(notification: Notification): NotificationView {
  return {
    id: notification.id,
    event: notification.event,
    issueId: notification.issueId,
    reference: notification.reference,
    channel: notification.channel,
    language: notification.language,
    status: notification.status,
    attempts: notification.attempts,
    ...(notification.sentAt !== null && { sentAt: notification.sentAt }),
    createdAt: notification.createdAt,
    ...(notification.doneAt !== null && { doneAt: notification.doneAt }),
    ...(notification.doneBy !== null && { doneBy: notification.doneBy }),
    ...(notification.lastError !== null && { lastError: notification.lastError }),
  };
}

export function toLetterView(notification: Notification): LetterView {
  return {
    id: notification.id,
    notificationId: notification.id,
    issueId: notification.issueId,
    reference: notification.reference,
    status: notification.status,
    createdAt: notification.createdAt,
  };
}
