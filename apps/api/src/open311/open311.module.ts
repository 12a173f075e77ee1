import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { Express } from 'express';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { Open311Controller } from './open311.controller';
import { mountOpen311Edge } from './open311Edge';
import { Open311Keys } from './open311Keys';

/** Open311 GeoReport v2 under /open311/v2/: anonymous reads, posting with an API key of OPEN311_KEYS_FILE. */
@Module({
  imports: [CqrsModule],
  controllers: [Open311Controller],
  providers: [{ provide: Open311Keys, inject: [SETTINGS], useFactory: (settings: Settings) => new Open311Keys(settings.open311Keys) }],
})
export class Open311Module implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  /** Runs once the routes are registered and before Nest adds its not-found and error handlers. */
  onModuleInit(): void {
    mountOpen311Edge(this.adapterHost.httpAdapter.getInstance<Express>());
  }
}
