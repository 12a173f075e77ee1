import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@app/lifecycle';
import { Roles } from '../auth/access.decorator';
import { RequestActor } from '../auth/requestActor';
import { LettersQueryDto, LetterView, toLetterView } from './notificationViews.dto';
import { ResidentNotifications } from './residentNotifications';

const STAFF = ['areaManager', 'boardChair', 'officer'] as const;

/** The print queue: letters to residents who gave a postal address but no email. */
@ApiTags('notifications')
@Controller('letters')
export class LettersController {
  constructor(private readonly notifications: ResidentNotifications) {}

  /** Letters of the caller's areas, oldest first; `status=pending`: those still to print and post. */
  @Get()
  @Roles(...STAFF)
  async list(@Query() query: LettersQueryDto, @RequestActor() actor: Actor): Promise<LetterView[]> {
    return (await this.notifications.find(actor, { channel: 'letter', status: query.status })).map(toLetterView);
  }

  /** The letter, as an A4 PDF in the resident's language, ready to print for a windowed envelope (410 once the resident is erased). */
  @Get(':id.pdf')
  @Roles(...STAFF)
  @ApiProduces('application/pdf')
  @Header('Content-Type', 'application/pdf')
  @Header('Cache-Control', 'no-store')
  async pdf(@Param('id') id: string, @RequestActor() actor: Actor): Promise<StreamableFile> {
    const pdf = await this.notifications.letterPdf(id, actor);
    return new StreamableFile(pdf, { disposition: `inline; filename="letter-${id}.pdf"` });
  }
}
