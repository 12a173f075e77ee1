import { Global, Inject, Module, type OnApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { AuditKeys } from '@app/audit';
import { type Clock, type EventStoreAdapter, systemClock } from '@app/event-store';
import type { Settings } from '../config/settings';
import { AppMetrics } from '../operations/appMetrics';
import { instrumentedEventStore } from '../operations/instrumentedEventStore';
import { openEventStore } from './openEventStore';
import { serviceLevelsProvider } from '../service-levels/serviceLevels.provider';
import { AUDIT_KEYS, CLOCK, EVENT_STORE, SERVICE_LEVELS, SETTINGS } from './tokens';

/** Provides the settings, the clock, the audit keys, the event store adapter and the service-level policies to the whole app. */
@Global()
@Module({})
export class EventStoreModule implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStoreAdapter) {}

  static forRoot(settings: Settings, clock: Clock = systemClock): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [
        { provide: SETTINGS, useValue: settings },
        { provide: CLOCK, useValue: clock },
        {
          provide: AUDIT_KEYS,
          useFactory: () => AuditKeys.load({ keyFile: settings.auditSigningKeyFile, dataDir: settings.dataDir }),
        },
        {
          provide: EVENT_STORE,
          // Counted here, once, so every append and subscription of the app shows in GET /metrics.
          inject: [AUDIT_KEYS, { token: AppMetrics, optional: true }],
          useFactory: async (auditKeys: AuditKeys, metrics?: AppMetrics) => {
            const store = await openEventStore(settings, clock, auditKeys);
            return metrics ? instrumentedEventStore(store, metrics) : store;
          },
        },
        // A bad policy file throws here, before the store is opened.
        serviceLevelsProvider(settings, clock),
      ],
      exports: [SETTINGS, CLOCK, EVENT_STORE, AUDIT_KEYS, SERVICE_LEVELS],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
