import type { PersonalData } from './issueEvents';

/**
 * The resident's personal data as IssueLogged v2 stores it: sealed (AES-256-GCM) under the key
 * of its subject (the resident), so destroying that key erases it without touching the event or
 * its hash. Opaque to the domain: sealing and opening happen in libs/personal-data, at the edge.
 */
export interface SealedPersonalData {
  readonly sealed: 'A256GCM';
  readonly subjectId: string;
  /** base64 */
  readonly iv: string;
  /** base64 */
  readonly ciphertext: string;
  /** base64 */
  readonly tag: string;
}

/** What the state keeps once PersonalDataErased is folded: nothing of the resident. */
export interface ErasedPersonalData {
  readonly erased: true;
}

/** Personal data as an IssueLogged event carries it: plaintext (v1 events) or sealed (v2). */
export type StoredPersonalData = PersonalData | SealedPersonalData;

/** Personal data as an issue's state holds it. */
export type IssuePersonalData = StoredPersonalData | ErasedPersonalData;

export function isSealedPersonalData(personal: IssuePersonalData | null | undefined): personal is SealedPersonalData {
  return typeof personal === 'object' && personal !== null && (personal as SealedPersonalData).sealed === 'A256GCM';
}

export function isErasedPersonalData(personal: IssuePersonalData | null | undefined): personal is ErasedPersonalData {
  return typeof personal === 'object' && personal !== null && (personal as ErasedPersonalData).erased === true;
}

export function isPlainPersonalData(personal: IssuePersonalData | null | undefined): personal is PersonalData {
  return typeof personal === 'object' && personal !== null && 'raisedBy' in personal;
}

export const ERASED_PERSONAL_DATA: ErasedPersonalData = { erased: true };
