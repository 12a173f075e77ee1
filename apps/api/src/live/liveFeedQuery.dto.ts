import { IsOptional, IsString } from 'class-validator';

/** GET /events/stream's query: only the token, for a browser's EventSource (it cannot send headers). */
export class LiveFeedQuery {
  /** The bearer token itself (without "Bearer "), checked exactly as the Authorization header is; the header wins when both are sent. */
  @IsOptional()
  @IsString()
  access_token?: string;
}
