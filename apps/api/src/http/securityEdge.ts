import type { INestApplication } from '@nestjs/common';
import type { Express } from 'express';
import helmet from 'helmet';
import type { Settings } from '../config/settings';

/** The headers a browser may send cross-origin: the token, JSON bodies, safe retries and SSE resumption. */
const CORS_REQUEST_HEADERS = ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID'];
/** Headers a cross-origin page may read from an answer (rate-limit state, where a created issue lives). */
const CORS_EXPOSED_HEADERS = ['Location', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];

/**
 * The edge every answer passes (API.md, "Settings": CORS_ORIGINS, TRUST_PROXY):
 * - `trust proxy` set to TRUST_PROXY hops, so `request.ip` is the client behind that many reverse
 *   proxies (rate limits and anonymous idempotency scopes key on it); off, X-Forwarded-For is ignored;
 * - helmet's headers on every answer (nosniff, frame denial, no referrer leak, a same-origin CSP,
 *   HSTS). Pages that need their own policy set it in their handler, after helmet, and it wins;
 * - CORS closed unless CORS_ORIGINS names origins: without it no answer carries
 *   Access-Control-Allow-Origin, so other sites' scripts cannot read anything.
 * Tokens travel in the Authorization header, never in cookies, so CORS never allows credentials.
 */
export function secureTheEdge(app: INestApplication, settings: Settings): void {
  const express = app.getHttpAdapter().getInstance() as Express;
  express.set('trust proxy', settings.trustProxyHops > 0 ? settings.trustProxyHops : false);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          // The API may be served over plain HTTP on a council's LAN; TLS is the proxy's business.
          upgradeInsecureRequests: null,
        },
      },
    }),
  );
  if (settings.corsOrigins.length > 0) {
    app.enableCors({
      origin: settings.corsOrigins.includes('*') ? '*' : [...settings.corsOrigins],
      methods: ['GET', 'HEAD', 'POST', 'PUT'],
      allowedHeaders: CORS_REQUEST_HEADERS,
      exposedHeaders: CORS_EXPOSED_HEADERS,
      credentials: false,
      maxAge: 600,
    });
  }
}
