/**
 * The edge's settings (shared/contract/API.md, "Settings"): which browser origins may call the
 * API cross-origin, and how many reverse proxies stand in front of it. Parsed here, checked
 * strictly, so a typo stops the start-up instead of silently opening or closing the door.
 */

/** `CORS_ORIGINS`: a comma list of origins (`https://council.example`), or `*` for any; empty: no cross-origin access. */
export function parseCorsOrigins(raw: string | undefined, problems: string[]): readonly string[] {
  const origins = (raw ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '');
  for (const origin of origins) {
    if (origin !== '*' && !isOrigin(origin)) {
      problems.push(`CORS_ORIGINS must be a comma list of origins such as https://council.example (scheme, host and port only) or *, got ${origin}`);
    }
  }
  return origins;
}

/** An origin exactly as a browser sends it in the Origin header: scheme://host[:port], nothing more. */
function isOrigin(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  const host = /^\[[0-9a-f:.]+\]$|^[a-z0-9.-]+$/i; // no wildcards: CORS compares origins exactly
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.origin === value && host.test(url.hostname);
}

const OFF = ['', 'off', 'false', 'no', '0'];

/**
 * `TRUST_PROXY`: how many reverse proxies (hops) to trust for the client address, counted as
 * Express's `trust proxy` counts them; 0 (off, the default) ignores X-Forwarded-For, so a
 * caller cannot choose its own address (and with it a fresh rate-limit allowance).
 */
export function parseTrustProxy(raw: string | undefined, problems: string[]): number {
  const value = (raw ?? '').trim().toLowerCase();
  if (OFF.includes(value)) return 0;
  const hops = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(hops) || hops > 10) {
    problems.push(`TRUST_PROXY must be off or the number of reverse proxies in front of the API (1 to 10), got ${raw}`);
    return 0;
  }
  return hops;
}
