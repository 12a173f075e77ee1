import { Controller, Get, Header } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { Registry } from 'prom-client';
import { Roles } from '../auth/access.decorator';
import { AppMetrics } from './appMetrics';

@ApiTags('operations')
@Controller('metrics')
export class MetricsController {
  constructor(private readonly metrics: AppMetrics) {}

  /** Prometheus text: Node's own metrics, HTTP timings by route, events appended, projections' lag and position, live-feed clients. */
  @Get()
  @Roles('viewer', 'auditor')
  @Header('Content-Type', Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiProduces(Registry.PROMETHEUS_CONTENT_TYPE)
  @ApiOkResponse({ description: 'Prometheus text exposition format', schema: { type: 'string' } })
  @ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' })
  @ApiForbiddenResponse({ description: 'Only viewer, auditor and admin tokens may read the metrics' })
  scrape(): Promise<string> {
    return this.metrics.registry.metrics();
  }
}
