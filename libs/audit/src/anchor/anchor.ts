/**
 * A signed digest of the whole history up to a checkpoint (shared/contract/API.md, "Audit"). An
 * auditor keeps it outside the system; verify with it later proves that no event it covers was
 * changed, deleted or inserted since, even by someone able to rewrite the database.
 */
export interface Anchor {
  /** The store's checkpoint after the last event covered; null for an empty store. */
  readonly checkpoint: string | null;
  readonly events: number;
  readonly streams: number;
  /** SHA-256 (hex) over every covered event's stored hash, in the store's commit-safe order. */
  readonly digest: string;
  readonly takenAt: string;
  /** Ed25519 (base64) over the canonical JSON (RFC 8785) of every other field. */
  readonly signature: string;
  /** The server's public key (SPKI PEM) that the signature verifies with. */
  readonly publicKey: string;
}

export type UnsignedAnchor = Omit<Anchor, 'signature'>;
