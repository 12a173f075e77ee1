import { type DynamicModule, Module } from '@nestjs/common';
import { LiveFeed } from './liveFeed';
import { LiveFeedController } from './liveFeed.controller';
import { DEFAULT_LIVE_FEED_OPTIONS, LIVE_FEED_OPTIONS, type LiveFeedOptions } from './liveFeedOptions';

/** GET /events/stream: the store's events, live, as Server-Sent Events. */
@Module({})
export class LiveModule {
  static forRoot(options: Partial<LiveFeedOptions> = {}): DynamicModule {
    return {
      module: LiveModule,
      controllers: [LiveFeedController],
      providers: [{ provide: LIVE_FEED_OPTIONS, useValue: { ...DEFAULT_LIVE_FEED_OPTIONS, ...options } }, LiveFeed],
    };
  }
}
