import { createPublicKey, sign, verify } from 'node:crypto';
import canonicalize from 'canonicalize';
import type { AuditKeys } from '../auditKeys';
import type { Anchor, UnsignedAnchor } from './anchor';

const signedBytes = (anchor: UnsignedAnchor): Buffer => {
  const { checkpoint, events, streams, digest, takenAt, publicKey } = anchor;
  return Buffer.from(canonicalize({ checkpoint, events, streams, digest, takenAt, publicKey }) as string);
};

/** Signs the anchor's fields with the server's Ed25519 key. */
export function signAnchor(fields: UnsignedAnchor, keys: AuditKeys): Anchor {
  return { ...fields, signature: sign(null, signedBytes(fields), keys.privateKey).toString('base64') };
}

/** Whether the signature is this server's over the anchor's fields as they are now. */
export function isSignedBy(anchor: Anchor, keys: AuditKeys): boolean {
  try {
    return verify(null, signedBytes(anchor), createPublicKey(keys.publicKeyPem), Buffer.from(anchor.signature, 'base64'));
  } catch {
    return false;
  }
}
