import type { AuditKeys } from '../auditKeys';

/** The purpose the stream-head seal secret is derived for: the stores seal with it, verify checks with it. */
export const HEAD_SEAL_PURPOSE = 'stream-head-seal';

export const headSealKeyOf = (keys: AuditKeys): Buffer => keys.deriveSecret(HEAD_SEAL_PURPOSE);
