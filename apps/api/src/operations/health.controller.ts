import { Controller, Get } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { AllowAnonymous } from '../auth/access.decorator';
import { HealthIndicators } from './healthIndicators';

@ApiTags('operations')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicators,
  ) {}

  /**
   * The event store and the read models' database reachable, each projection's status and lag, and
   * the deadline scheduler's last tick and error (where this process runs it).
   * 503 (same shape, the failures under `error`) when either database cannot answer or a projection has failed.
   */
  @Get()
  @AllowAnonymous()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([() => this.indicators.eventStore(), () => this.indicators.readModels(), () => this.indicators.projections(), () => this.indicators.scheduler(), () => this.indicators.notifications()]);
  }
}
