import { looksLikeReference, normaliseReference, referenceInPath, referenceProblem, trackHref } from './reference';

describe('issue references as residents type them and tracker addresses carry them', () => {
  it('reads a reference typed with spaces or small letters as the API spells it', () => {
    expect(normaliseReference(' trow-2026-00042 ')).toBe('TROW-2026-00042');
    expect(normaliseReference('TROW - 2026 - 00042')).toBe('TROW-2026-00042');
  });

  it("knows the reference's shape: the area's letters, the year, a number of five digits or more", () => {
    expect(looksLikeReference('TROW-2026-00042')).toBe(true);
    expect(looksLikeReference('RWBC-2027-123456')).toBe(true);
    for (const bad of ['', 'TROW-2026-0042', 'T-2026-00042', 'TROW-26-00042', 'trow-2026-00042', 'TROW-2026-00042x', '../etc']) expect(looksLikeReference(bad)).toBe(false);
  });

  it('says in words what is wrong with a typed reference, or nothing', () => {
    expect(referenceProblem('   ')).toBe('Enter the reference, like TROW-2026-00042');
    expect(referenceProblem('my pothole')).toMatch(/^A reference looks like TROW-2026-00042/);
    expect(referenceProblem('trow-2026-00042')).toBeNull();
  });

  it('reads the reference from the tracker address, and builds that address back', () => {
    expect(referenceInPath('/track/TROW-2026-00042')).toBe('TROW-2026-00042');
    expect(referenceInPath('/track/TROW-2026-00042/')).toBe('TROW-2026-00042');
    expect(referenceInPath('/track/my%20pothole')).toBe('my pothole');
    expect(referenceInPath('/track/%E0%A4%A')).toBe('%E0%A4%A');
    expect(referenceInPath('/report')).toBe('');
    expect(trackHref('TROW-2026-00042')).toBe('/track/TROW-2026-00042');
    expect(trackHref('a/b c')).toBe('/track/a%2Fb%20c');
  });
});
