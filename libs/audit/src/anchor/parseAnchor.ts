import type { Anchor } from './anchor';

/** An anchor that cannot be read: the caller's mistake (HTTP 400, CLI usage error). */
export class MalformedAnchorError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedAnchorError';
  }
}

/** Reads an anchor from its JSON, checking every field's type; throws MalformedAnchorError. */
export function parseAnchorJson(json: string): Anchor {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    throw new MalformedAnchorError('the anchor is not JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new MalformedAnchorError('the anchor must be a JSON object');
  const anchor = value as Record<string, unknown>;
  const problems: string[] = [];
  if (anchor.checkpoint !== null && typeof anchor.checkpoint !== 'string') problems.push('checkpoint must be a string or null');
  for (const count of ['events', 'streams']) {
    if (!Number.isSafeInteger(anchor[count]) || (anchor[count] as number) < 0) problems.push(`${count} must be a whole number`);
  }
  if (typeof anchor.digest !== 'string' || !/^[0-9a-f]{64}$/.test(anchor.digest)) problems.push('digest must be 64 hex characters');
  for (const text of ['takenAt', 'signature', 'publicKey']) {
    if (typeof anchor[text] !== 'string' || anchor[text] === '') problems.push(`${text} must be a non-empty string`);
  }
  if (problems.length > 0) throw new MalformedAnchorError(`the anchor is malformed: ${problems.join('; ')}`);
  const { checkpoint, events, streams, digest, takenAt, signature, publicKey } = anchor as unknown as Anchor;
  return { checkpoint, events, streams, digest, takenAt, signature, publicKey };
}

/** Reads an anchor passed as base64url of its JSON (GET /audit/verify?anchor=). */
export function parseAnchorParameter(encoded: string): Anchor {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(encoded)) throw new MalformedAnchorError('anchor must be the anchor JSON in base64url');
  return parseAnchorJson(Buffer.from(encoded, 'base64url').toString('utf8'));
}

/** The form GET /audit/verify?anchor= takes. */
export const anchorParameterOf = (anchor: Anchor): string => Buffer.from(JSON.stringify(anchor)).toString('base64url');
