import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import type { Clock } from '@app/event-store';
import { AdminModule } from './admin/admin.module';
import { AccessGuard } from './auth/access.guard';
import { AuditModule } from './audit/audit.module';
import { AnonymousThrottlerGuard } from './auth/anonymousThrottler.guard';
import { MeController } from './auth/me.controller';
import type { Settings } from './config/settings';
import { IssuesModule } from './issues/issues.module';
import { KpisModule } from './kpis/kpis.module';
import { withoutAccessToken } from './live/accessTokenRedaction';
import { LiveModule } from './live/live.module';
import type { LiveFeedOptions } from './live/liveFeedOptions';
import { MeetingsModule } from './meetings/meetings.module';
import { HealthModule } from './operations/health.module';
import { MetricsModule } from './operations/metrics.module';
import { NotificationsModule } from './notifications/notifications.module';
import { PagesModule } from './pages/pages.module';
import { PersonalDataModule } from './personal-data/personalData.module';
import { ProjectionsModule } from './projections/projections.module';
import { Open311Module } from './open311/open311.module';
import { PublicModule } from './public/public.module';
import { ReadSideModule } from './read-side/readSide.module';
import { ReferenceDataController } from './reference-data/referenceData.controller';
import { ScorecardsModule } from './scorecards/scorecards.module';
import { ServiceLevelsModule } from './service-levels/serviceLevels.module';
import { EventStoreModule } from './store/eventStore.module';

export interface AppOptions {
  /** Replaces the system clock (tests). */
  readonly clock?: Clock;
  /** Live-feed heartbeat and slow-client limit (tests shorten them). */
  readonly liveFeed?: Partial<LiveFeedOptions>;
}

@Module({})
export class AppModule {
  static forRoot(settings: Settings, options: AppOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: settings.logLevel,
            redact: ['req.headers.authorization', 'req.headers.cookie'],
            serializers: { req: withoutAccessToken },
            // The client's address as TRUST_PROXY says to read it, not the proxy's (none once the
            // socket is gone: Express would throw reading it).
            customProps: (req) => ({ clientAddress: req.socket ? (req as { ip?: string }).ip : undefined }),
          },
        }),
        EventStoreModule.forRoot(settings, options.clock),
        ThrottlerModule.forRoot({
          throttlers: [{ ttl: 60_000, limit: settings.intakeRateLimit }],
          errorMessage: `too many requests: anonymous clients may make ${settings.intakeRateLimit} a minute`,
        }),
        ReadSideModule,
        PersonalDataModule,
        IssuesModule,
        NotificationsModule,
        AuditModule,
        AdminModule,
        KpisModule,
        PagesModule,
        ProjectionsModule,
        PublicModule,
        Open311Module,
        ScorecardsModule,
        MeetingsModule,
        ServiceLevelsModule,
        MetricsModule,
        HealthModule,
        LiveModule.forRoot(options.liveFeed),
      ],
      controllers: [ReferenceDataController, MeController],
      providers: [
        // Order matters: the access guard authenticates, then anonymous callers are rate-limited.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: AnonymousThrottlerGuard },
      ],
    };
  }
}
