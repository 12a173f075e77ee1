import { Global, type MiddlewareConsumer, Module, type NestModule } from '@nestjs/common';
import { AppMetrics } from './appMetrics';
import { HttpMetricsMiddleware } from './httpMetrics.middleware';
import { MetricsController } from './metrics.controller';
import { ProjectionMetrics } from './projectionMetrics';

/** GET /metrics, and the instruments the rest of the app feeds (global: the store and the read side count into it). */
@Global()
@Module({
  controllers: [MetricsController],
  providers: [AppMetrics, ProjectionMetrics],
  exports: [AppMetrics],
})
export class MetricsModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes('*');
  }
}
