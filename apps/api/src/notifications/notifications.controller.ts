import { Controller, Get, HttpCode, HttpStatus, Param, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/lifecycle';
import { Roles } from '../auth/access.decorator';
import { RequestActor } from '../auth/requestActor';
import { NotificationsQueryDto, NotificationView, toNotificationView } from './notificationViews.dto';
import { ResidentNotifications } from './residentNotifications';

const STAFF = ['areaManager', 'boardChair', 'officer'] as const;

/** What the outbox owes residents, for staff: per issue, across issues (the call list), and marking a letter or call done. */
@ApiTags('notifications')
@Controller()
export class NotificationsController {
  constructor(private readonly notifications: ResidentNotifications) {}

  /** The issue's messages to its resident, oldest first: staff of its area, an auditor of any. */
  @Get('issues/:id/notifications')
  @Roles(...STAFF, 'auditor')
  async ofIssue(@Param('id') id: string, @RequestActor() actor: Actor): Promise<NotificationView[]> {
    return (await this.notifications.ofIssue(id, actor)).map(toNotificationView);
  }

  /** Our addition: messages across the issues of the caller's areas, oldest first (`channel=phone&status=pending`: the calls to make). */
  @Get('notifications')
  @Roles(...STAFF)
  async find(@Query() query: NotificationsQueryDto, @RequestActor() actor: Actor): Promise<NotificationView[]> {
    return (await this.notifications.find(actor, { channel: query.channel, status: query.status })).map(toNotificationView);
  }

  /** A letter posted or a call made: the notification is done (an email is never marked by hand: 422). */
  @Post('notifications/:id/done')
  @HttpCode(HttpStatus.OK)
  @Roles(...STAFF)
  async done(@Param('id') id: string, @RequestActor() actor: Actor): Promise<NotificationView> {
    return toNotificationView(await this.notifications.markDone(id, actor));
  }
}
