import { parseExportWindow, inExportWindow } from './export/exportWindow';
import { parseIsoInstant } from './isoInstant';

describe('instants auditors name', () => {
  it.each([
    ['2026-03-01', '2026-03-01T00:00:00.000Z'],
    ['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.000Z'],
    ['2026-03-01T09:30:00.123Z', '2026-03-01T09:30:00.123Z'],
    ['2026-03-01T09:30:00+01:00', '2026-03-01T08:30:00.000Z'],
    ['2026-03-01T09:30', '2026-03-01T09:30:00.000Z'],
  ])('reads %s as %s (no offset: UTC)', (text, iso) => {
    expect(parseIsoInstant(text)?.toISOString()).toBe(iso);
  });

  it.each(['', 'yesterday', '2026-02-30', '2026-13-01', '2026-03-01T25:00:00Z', '01/03/2026', '2026-03-01 09:30:00Z', '1709285400000'])('refuses %j', (text) => {
    expect(parseIsoInstant(text)).toBeUndefined();
  });
});

describe('the export window', () => {
  it('takes from inclusive and to exclusive, by recordedAt', () => {
    const result = parseExportWindow({ from: '2026-03-01', to: '2026-03-02' });
    if (!result.ok) throw new Error(result.problems.join());
    expect(inExportWindow('2026-03-01T00:00:00.000Z', result.window)).toBe(true);
    expect(inExportWindow('2026-03-01T23:59:59.999Z', result.window)).toBe(true);
    expect(inExportWindow('2026-03-02T00:00:00.000Z', result.window)).toBe(false);
    expect(inExportWindow('2026-02-28T23:59:59.999Z', result.window)).toBe(false);
  });

  it('is open at an end left out', () => {
    const result = parseExportWindow({ from: '2026-03-01' });
    if (!result.ok) throw new Error(result.problems.join());
    expect(inExportWindow('2099-01-01T00:00:00.000Z', result.window)).toBe(true);
  });

  it('names every bad bound at once, and refuses from not before to', () => {
    expect(parseExportWindow({ from: 'soon', to: 'later' })).toEqual({ ok: false, problems: [expect.stringMatching(/^from must be/), expect.stringMatching(/^to must be/)] });
    expect(parseExportWindow({ from: '2026-03-02', to: '2026-03-01' })).toEqual({ ok: false, problems: ['from must be before to'] });
  });
});
