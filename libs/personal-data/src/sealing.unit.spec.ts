import { newSubjectKey, openPersonalData, SealBrokenError, sealPersonalData } from './sealing';

const personal = { raisedBy: { name: 'Ada Resident', email: 'ada@example.org' }, address: '12 Castle Street' };

describe('sealing personal data (AES-256-GCM under the subject key)', () => {
  const key = newSubjectKey();

  it('opens again to exactly what was sealed, and the envelope shows none of it', () => {
    const sealed = sealPersonalData(personal, 'subject-1', key);
    expect(JSON.stringify(sealed)).not.toMatch(/Ada|example|Castle/);
    expect(openPersonalData(sealed, key)).toEqual(personal);
  });

  it('seals the same details differently each time (a fresh IV)', () => {
    expect(sealPersonalData(personal, 'subject-1', key).ciphertext).not.toBe(sealPersonalData(personal, 'subject-1', key).ciphertext);
  });

  it('refuses a tampered ciphertext', () => {
    const sealed = sealPersonalData(personal, 'subject-1', key);
    const bytes = Buffer.from(sealed.ciphertext, 'base64');
    bytes[0] ^= 1;
    expect(() => openPersonalData({ ...sealed, ciphertext: bytes.toString('base64') }, key)).toThrow(SealBrokenError);
  });

  it('refuses an envelope moved to another subject, or opened with another key', () => {
    const sealed = sealPersonalData(personal, 'subject-1', key);
    expect(() => openPersonalData({ ...sealed, subjectId: 'subject-2' }, key)).toThrow(SealBrokenError);
    expect(() => openPersonalData(sealed, newSubjectKey())).toThrow(SealBrokenError);
  });
});
