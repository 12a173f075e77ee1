import { createHmac } from 'node:crypto';
import type { RaisedBy } from '@app/lifecycle';

/**
 * How one resident is recognised again, without storing who they are: an HMAC (keyed by a
 * secret derived from the audit key, kept outside the database) of their email, normalised,
 * else of their phone number's digits. Null when they gave neither: a new subject each time.
 */
export function subjectLookupOf(raisedBy: RaisedBy, secret: Buffer): string | null {
  const email = raisedBy.email?.normalize('NFC').trim().toLowerCase();
  const phone = raisedBy.phone?.replace(/[^\d+]/g, '').replace(/(?!^)\+/g, '');
  const identity = email ? `email:${email}` : phone ? `phone:${phone}` : null;
  return identity === null ? null : createHmac('sha256', secret).update(identity, 'utf8').digest('hex');
}
