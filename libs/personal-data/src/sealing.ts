import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { PersonalData, SealedPersonalData } from '@app/lifecycle';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;
export const KEY_BYTES = 32;

/** A fresh random key for a new subject. */
export const newSubjectKey = (): Buffer => randomBytes(KEY_BYTES);

/** Opening refused: the ciphertext, its tag or its subject was changed, or the key is not its own. */
export class SealBrokenError extends Error {
  constructor(subjectId: string) {
    super(`the personal data sealed for subject ${subjectId} does not open: it was altered or sealed under another key`);
    this.name = 'SealBrokenError';
  }
}

/**
 * Seals the resident's details under their subject's key (AES-256-GCM, a random IV each time).
 * The subject id is authenticated with it, so an envelope moved to another subject will not open.
 */
export function sealPersonalData(personal: PersonalData, subjectId: string, key: Buffer): SealedPersonalData {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, key, iv);
  cipher.setAAD(Buffer.from(subjectId, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(personal), 'utf8'), cipher.final()]);
  return {
    sealed: 'A256GCM',
    subjectId,
    iv: iv.toString('base64'),
    ciphertext: ciphertext.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
  };
}

/** The resident's details back from their envelope; throws SealBrokenError if anything was altered. */
export function openPersonalData(sealed: SealedPersonalData, key: Buffer): PersonalData {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(sealed.subjectId, 'utf8'));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    const plaintext = Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext, 'base64')), decipher.final()]);
    return JSON.parse(plaintext.toString('utf8')) as PersonalData;
  } catch {
    throw new SealBrokenError(sealed.subjectId);
  }
}
