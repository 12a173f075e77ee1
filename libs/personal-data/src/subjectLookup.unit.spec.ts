import { subjectLookupOf } from './subjectLookup';

const secret = Buffer.alloc(32, 7);

describe('recognising a resident again', () => {
  it('by their email, whatever its case and spacing', () => {
    expect(subjectLookupOf({ name: 'A', email: ' Ada@Example.org ' }, secret)).toBe(subjectLookupOf({ name: 'B', email: 'ada@example.org' }, secret));
  });

  it('by their phone digits when they gave no email', () => {
    expect(subjectLookupOf({ name: 'A', phone: '+44 1225 000 111' }, secret)).toBe(subjectLookupOf({ name: 'A', phone: '+441225000111' }, secret));
  });

  it('never as the email itself, and differently under another secret', () => {
    const lookup = subjectLookupOf({ name: 'A', email: 'ada@example.org' }, secret)!;
    expect(lookup).not.toContain('ada');
    expect(subjectLookupOf({ name: 'A', email: 'ada@example.org' }, Buffer.alloc(32, 8))).not.toBe(lookup);
  });

  it('not at all without email or phone: a new subject each time', () => {
    expect(subjectLookupOf({ name: 'Ada' }, secret)).toBeNull();
  });
});
