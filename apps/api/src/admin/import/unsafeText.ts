// A high surrogate not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Whether any key or string in the value holds NUL or an unpaired UTF-16 surrogate: PostgreSQL
 * cannot store either in JSON, and the HTTP edge refuses them too (RejectNulCharactersPipe).
 */
export function containsUnsafeText(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000') || LONE_SURROGATE.test(value);
  if (Array.isArray(value)) return value.some(containsUnsafeText);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, inner]) => containsUnsafeText(key) || containsUnsafeText(inner));
  }
  return false;
}
