import type { PersonalKeyStore, SubjectKey, SubjectKeyRequest } from '@app/event-store';
import { ERASED_PERSONAL_DATA, type SealedPersonalData } from '@app/lifecycle';
import { ERASED, ERASED_PERSONAL, UNREADABLE_PERSONAL } from './erased';
import { PersonalDataVault } from './personalDataVault';

/** The port's behaviour, in memory: what the vault relies on (the real tables are tested in int specs). */
class KeysInMemory implements PersonalKeyStore {
  readonly rows = new Map<string, SubjectKey & { lookup: string | null }>();
  lookups = 0;
  async subjectKeyFor(request: SubjectKeyRequest): Promise<SubjectKey> {
    const existing = [...this.rows.values()].find((row) => request.lookup !== null && row.lookup === request.lookup);
    if (existing) return existing;
    this.rows.set(request.subjectId, { subjectId: request.subjectId, key: request.key, lookup: request.lookup });
    return request;
  }
  async subjectKeys(subjectIds: readonly string[]): Promise<Map<string, Buffer>> {
    this.lookups++;
    return new Map(subjectIds.flatMap((id) => (this.rows.has(id) ? [[id, this.rows.get(id)!.key] as const] : [])));
  }
}

const ada = { raisedBy: { name: 'Ada Resident', email: 'ada@example.org' }, address: '12 Castle Street' };

describe('the personal data vault', () => {
  let keys: KeysInMemory;
  let vault: PersonalDataVault;
  beforeEach(() => {
    keys = new KeysInMemory();
    vault = new PersonalDataVault(keys, Buffer.alloc(32, 1));
  });

  it("seals one resident's issues under one subject, and reveals them", async () => {
    const [first, second] = [await vault.seal(ada), await vault.seal({ ...ada, address: null })];
    expect(first.subjectId).toBe(second.subjectId);
    expect(await vault.revealAll([first, second])).toEqual([ada, { ...ada, address: null }]);
  });

  it('shows "[erased]" for each personal value once the key is gone, at once after forget', async () => {
    const sealed = await vault.seal(ada);
    expect(await vault.reveal(sealed)).toEqual(ada); // now cached
    keys.rows.delete(sealed.subjectId);
    vault.forget([sealed.subjectId]);
    expect(await vault.reveal(sealed)).toEqual({ raisedBy: { name: ERASED }, address: ERASED });
  });

  it('shows "[erased]" for state that records an erasure (v1 plaintext included)', async () => {
    expect(await vault.reveal(ERASED_PERSONAL_DATA)).toEqual(ERASED_PERSONAL);
  });

  it('shows "[unreadable]" for an envelope altered in the database, rather than failing the read', async () => {
    const sealed = await vault.seal(ada);
    const flipped = Buffer.from(sealed.ciphertext, 'base64');
    flipped[0] ^= 1;
    expect(await vault.revealAll([{ ...sealed, ciphertext: flipped.toString('base64') }, sealed])).toEqual([UNREADABLE_PERSONAL, ada]);
  });

  it('looks a page of keys up once', async () => {
    const sealed: SealedPersonalData[] = [];
    for (let i = 0; i < 20; i++) sealed.push(await vault.seal({ raisedBy: { name: `R${i}`, email: `r${i}@example.org` }, address: null }));
    await new PersonalDataVault(keys, Buffer.alloc(32, 1)).revealAll(sealed);
    expect(keys.lookups).toBe(1);
  });

  it('seals only IssueLogged, naming its subject', async () => {
    const [logged, note] = await vault.sealEvents([
      { type: 'IssueLogged', occurredAt: 'x', data: { reference: 'R', title: 't', description: 'd', category: 'c', areaId: 'a', channel: 'online', location: null, subjectId: null, personal: ada, workflowVersion: 2, policyVersion: null } },
      { type: 'NoteAdded', occurredAt: 'x', data: { text: 'Ada Resident called', public: false } },
    ]);
    expect(logged.type === 'IssueLogged' && logged.data.subjectId).toBe((logged.data as { personal: SealedPersonalData }).personal.subjectId);
    expect(JSON.stringify(logged)).not.toContain('Ada');
    expect(note.data).toEqual({ text: 'Ada Resident called', public: false });
  });
});
