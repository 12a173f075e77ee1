import { Global, Inject, Module, type OnApplicationShutdown, type DynamicModule } from '@nestjs/common';
import { type Clock, type EventStoreAdapter, systemClock } from '@app/event-store';
import type { Settings } from '../config/settings';
import { openEventStore } from './openEventStore';
import { CLOCK, EVENT_STORE, SETTINGS } from './tokens';

/** Provides the settings, the clock and the event store adapter to the whole app. */
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
        { provide: EVENT_STORE, useFactory: () => openEventStore(settings, clock) },
      ],
      exports: [SETTINGS, CLOCK, EVENT_STORE],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}
