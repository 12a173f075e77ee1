/**
 * A small LRU of subjects' keys (and of subjects known to be erased: a destroyed key never comes
 * back), so a page of issues by a few residents costs one lookup the first time only. Entries
 * live `ttlMs` at most, which bounds how long another process's erasure takes to show here;
 * this process's own erasures are forgotten at once (`forget`).
 */
export class SubjectKeyCache {
  private readonly entries = new Map<string, { readonly key: Buffer | null; readonly until: number }>();

  constructor(
    private readonly capacity = 1000,
    private readonly ttlMs = 5_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The key, null for an erased subject, undefined when not cached. */
  get(subjectId: string): Buffer | null | undefined {
    const entry = this.entries.get(subjectId);
    if (!entry) return undefined;
    this.entries.delete(subjectId);
    if (entry.until <= this.now()) return undefined;
    this.entries.set(subjectId, entry);
    return entry.key;
  }

  set(subjectId: string, key: Buffer | null): void {
    // A subject known erased stays so: a lookup that raced the erasure must not bring its key back.
    if (this.entries.get(subjectId)?.key === null) return;
    this.entries.delete(subjectId);
    this.entries.set(subjectId, { key, until: this.now() + this.ttlMs });
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  forget(subjectIds: readonly string[]): void {
    for (const subjectId of subjectIds) this.entries.set(subjectId, { key: null, until: Number.POSITIVE_INFINITY });
  }
}
