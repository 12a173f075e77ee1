import { randomUUID } from 'node:crypto';
import type { PersonalKeyStore } from '@app/event-store';
import {
  type IssueEvent,
  type IssuePersonalData,
  isErasedPersonalData,
  isPlainPersonalData,
  isSealedPersonalData,
  type PersonalData,
  type SealedPersonalData,
} from '@app/lifecycle';
import { ERASED_PERSONAL, UNREADABLE_PERSONAL } from './erased';
import { newSubjectKey, openPersonalData, SealBrokenError, sealPersonalData } from './sealing';
import { SubjectKeyCache } from './subjectKeyCache';
import { subjectLookupOf } from './subjectLookup';

/** The purpose the lookup secret is derived for (AuditKeys.deriveSecret). */
export const SUBJECT_LOOKUP_PURPOSE = 'subject-lookup';

export interface PersonalDataVaultOptions {
  readonly cacheSize?: number;
  readonly cacheTtlMs?: number;
  readonly now?: () => Date;
}

/**
 * Seals residents' personal data under a key per resident, and reveals it again (or "[erased]"
 * once the key is destroyed). Plain TypeScript over the store's PersonalKeyStore: the API and
 * the CLI use the same one. Reveals take whole batches: one key lookup for a page of issues.
 */
export class PersonalDataVault {
  private readonly cache: SubjectKeyCache;
  private readonly now: () => Date;

  constructor(
    private readonly keys: PersonalKeyStore,
    private readonly lookupSecret: Buffer,
    options: PersonalDataVaultOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.cache = new SubjectKeyCache(options.cacheSize, options.cacheTtlMs, () => this.now().getTime());
  }

  /** Seals the details under their resident's key (found by email or phone, else a new subject's). */
  async seal(personal: PersonalData): Promise<SealedPersonalData> {
    const offered = { subjectId: randomUUID(), key: newSubjectKey() };
    const lookup = subjectLookupOf(personal.raisedBy, this.lookupSecret);
    const { subjectId, key } = await this.keys.subjectKeyFor({ ...offered, lookup, now: this.now() });
    return sealPersonalData(personal, subjectId, key);
  }

  /**
   * Events as they may be stored: each IssueLogged's plaintext personal data sealed and its
   * subject named. The one place every writer passes through before events are hashed.
   */
  async sealEvents(events: readonly IssueEvent[]): Promise<IssueEvent[]> {
    return Promise.all(
      events.map(async (event) => {
        if (event.type !== 'IssueLogged' || !isPlainPersonalData(event.data.personal)) return event;
        const sealed = await this.seal(event.data.personal);
        return { ...event, data: { ...event.data, subjectId: sealed.subjectId, personal: sealed } };
      }),
    );
  }

  /** Plaintext for each, or ERASED_PERSONAL where the key is gone or the state says erased. */
  async revealAll(personals: readonly IssuePersonalData[]): Promise<PersonalData[]> {
    const keys = await this.keysOf(personals.filter(isSealedPersonalData).map((sealed) => sealed.subjectId));
    return personals.map((personal) => {
      if (isErasedPersonalData(personal)) return ERASED_PERSONAL;
      if (isPlainPersonalData(personal)) return personal;
      const key = keys.get(personal.subjectId);
      return key ? openOrUnreadable(personal, key) : ERASED_PERSONAL;
    });
  }

  async reveal(personal: IssuePersonalData): Promise<PersonalData> {
    return (await this.revealAll([personal]))[0];
  }

  /** Call once this process has destroyed these subjects' keys: they stop revealing at once. */
  forget(subjectIds: readonly string[]): void {
    this.cache.forget(subjectIds);
  }

  private async keysOf(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    const found = new Map<string, Buffer>();
    const missing: string[] = [];
    for (const subjectId of new Set(subjectIds)) {
      const cached = this.cache.get(subjectId);
      if (cached) found.set(subjectId, cached);
      else if (cached === undefined) missing.push(subjectId);
    }
    if (missing.length === 0) return found;
    const fetched = await this.keys.subjectKeys(missing);
    for (const subjectId of missing) {
      const key = fetched.get(subjectId) ?? null;
      this.cache.set(subjectId, key);
      if (key) found.set(subjectId, key);
    }
    return found;
  }
}

/** A read never fails on a broken envelope: it shows "[unreadable]", and verify names the tampering. */
function openOrUnreadable(sealed: SealedPersonalData, key: Buffer): PersonalData {
  try {
    return openPersonalData(sealed, key);
  } catch (error) {
    if (error instanceof SealBrokenError) return UNREADABLE_PERSONAL;
    throw error;
  }
}
