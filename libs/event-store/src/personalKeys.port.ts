/**
 * The residents' personal-data keys, kept beside the events (table `personal_data_keys`) so
 * that an erasure destroys a key in the same transaction that records it (AppendOptions
 * `shredSubjects`). A key is random, one per resident (subject); `lookup` (an HMAC of the
 * resident's email or phone, computed by the caller) lets one resident's issues share it.
 */
export interface SubjectKey {
  readonly subjectId: string;
  /** 32 random bytes (AES-256). */
  readonly key: Buffer;
}

export interface SubjectKeyRequest extends SubjectKey {
  /** The resident's lookup; null: a resident nobody could recognise again, always a new subject. */
  readonly lookup: string | null;
  readonly now: Date;
}

export interface PersonalKeyStore {
  /**
   * The subject and key already kept for `lookup`, else the ones offered, kept now. Race-safe:
   * two intakes by one resident at once both get the one subject that won.
   */
  subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey>;
  /** The keys still kept for these subjects, in one query; an erased subject is simply absent. */
  subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>>;
}
