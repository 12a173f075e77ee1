import { ForbiddenException, GoneException, Inject, Injectable, NotFoundException, UnprocessableEntityException } from '@nestjs/common';
import type { Clock } from '@app/event-store';
import { type Actor, ALL_AREAS, servesArea } from '@app/lifecycle';
import { findNotifications, markDone, type Notification, type NotificationFilter, notificationById, notificationsOfIssue, renderLetterPdf } from '@app/notifications';
import type { ReadModelDb } from '@app/projections';
import { IssueRepository } from '../issues/issueRepository';
import { CLOCK, OUTBOX, READ_MODELS } from '../store/tokens';
import type { Outbox } from './openOutbox';

/** The outbox as staff see it: an issue's messages, the print queue and the call list, marking them done. */
@Injectable()
export class ResidentNotifications {
  constructor(
    @Inject(READ_MODELS) private readonly db: ReadModelDb,
    @Inject(OUTBOX) private readonly outbox: Outbox,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly issues: IssueRepository,
  ) {}

  /** Staff of the issue's area (an auditor of any): its messages, oldest first. */
  async ofIssue(idOrReference: string, actor: Actor): Promise<Notification[]> {
    const issueId = await this.issues.resolveId(idOrReference);
    const issue = issueId === undefined ? undefined : await this.issues.load(issueId);
    if (issueId === undefined || !issue || issue.status === 'none') throw new NotFoundException('no issue with this id');
    const auditor = actor.kind === 'staff' && actor.role === 'auditor';
    if (!auditor && !servesArea(actor, issue.areaId)) throw new ForbiddenException(`you do not serve area ${issue.areaId}`);
    return notificationsOfIssue(this.db, issueId);
  }

  /** Across issues, only in the areas the actor serves. */
  find(actor: Actor, filter: Omit<NotificationFilter, 'areas'>): Promise<Notification[]> {
    return findNotifications(this.db, { ...filter, areas: areasOf(actor) });
  }

  async markDone(id: string, actor: Actor): Promise<Notification> {
    const notification = await this.visible(id, actor);
    if (notification.channel === 'email') throw new UnprocessableEntityException('an email is sent by the dispatcher: only a letter or a call is marked done by staff');
    if (notification.status !== 'pending' && notification.status !== 'done') {
      throw new UnprocessableEntityException(`this ${notification.channel === 'letter' ? 'letter' : 'call'} is ${notification.status}: only a pending one can be marked done`);
    }
    const done = await markDone(this.db, id, actor.kind === 'staff' ? actor.id : 'unknown', this.clock.now());
    return done ?? notification;
  }

  /** The letter as a PDF, written now from the council's templates (never after the resident's erasure). */
  async letterPdf(id: string, actor: Actor): Promise<Buffer> {
    const notification = await this.visible(id, actor);
    if (notification.channel !== 'letter') throw new NotFoundException('no letter with this id');
    const composed = await this.outbox.composer.compose(notification);
    if (!composed.resident || !composed.resident.postalAddress || notification.status === 'cancelled') {
      throw new GoneException("the resident's personal data was erased: this letter is cancelled");
    }
    return renderLetterPdf({
      language: notification.language,
      residentName: composed.resident.name,
      postalAddress: composed.resident.postalAddress,
      date: notification.createdAt,
      reference: notification.reference,
      subject: composed.message.subject,
      text: composed.message.text,
    });
  }

  private async visible(id: string, actor: Actor): Promise<Notification> {
    const notification = await notificationById(this.db, id);
    if (!notification) throw new NotFoundException('no notification with this id');
    if (!servesArea(actor, notification.areaId)) throw new ForbiddenException(`you do not serve area ${notification.areaId}`);
    return notification;
  }
}

/** Null: every area (admin, or a token for all). */
function areasOf(actor: Actor): readonly string[] | null {
  if (actor.kind !== 'staff') return [];
  if (actor.role === 'admin' || actor.areas.includes(ALL_AREAS)) return null;
  return actor.areas;
}
