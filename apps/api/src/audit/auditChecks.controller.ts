import { BadRequestException, Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { type Anchor, type AuditKeys, MalformedAnchorError, parseAnchorParameter, runVerify, takeAnchor, type VerifyReport } from '@app/audit';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { Roles } from '../auth/access.decorator';
import { AUDIT_KEYS, CLOCK, EVENT_STORE } from '../store/tokens';
import { AnchorView, VerifyQuery, VerifyReportView } from './auditChecks.dto';

/** The auditors' proofs: verify the whole store, and take a signed anchor of its history. */
@ApiTags('audit')
@ApiUnauthorizedResponse({ description: 'Missing or invalid token' })
@ApiForbiddenResponse({ description: 'Only auditors and admins' })
@Controller('audit')
export class AuditChecksController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(AUDIT_KEYS) private readonly keys: AuditKeys,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * Replays every stream through the lifecycle machine and checks its hash chain and sealed head
   * row, and every reference; with `anchor`, also that nothing the anchor covers has changed.
   */
  @Get('verify')
  @Roles('auditor')
  @ApiOkResponse({ type: VerifyReportView })
  @ApiBadRequestResponse({ description: 'anchor is not an anchor in base64url JSON' })
  async verify(@Query() query: VerifyQuery): Promise<VerifyReport> {
    let anchor: Anchor | undefined;
    if (query.anchor !== undefined) {
      try {
        anchor = parseAnchorParameter(query.anchor);
      } catch (error) {
        if (error instanceof MalformedAnchorError) throw new BadRequestException(error.message);
        throw error;
      }
    }
    return runVerify(this.store.auditSource(), this.keys, anchor);
  }

  /** A signed digest of the whole history up to now: keep it, and give it back to verify later. */
  @Get('anchor')
  @Roles('auditor')
  @ApiOkResponse({ type: AnchorView })
  anchor(): Promise<Anchor> {
    return takeAnchor(this.store, this.keys, this.clock.now());
  }
}
