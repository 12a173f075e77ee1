import { dateFormats } from '../format';
import { cy } from './cy';
import { en } from './en';
import { inLanguage, languageIn } from './language';
import { categoryIn, datesIn, statusIn } from './wordsFor';

/** Every text of a dictionary by its path, functions called with sample values. */
function texts(node: unknown, path = ''): [string, string][] {
  if (typeof node === 'string') return [[path, node]];
  if (typeof node === 'function') return [[path, String((node as (...args: unknown[]) => unknown)(...[{ label: 'X' }, 7, 9]))]];
  if (typeof node === 'object' && node !== null) return Object.entries(node).flatMap(([key, value]) => texts(value, path === '' ? key : `${path}.${key}`));
  return [];
}

describe('the residents’ pages’ dictionaries', () => {
  it('give every text in Welsh, not left in English', () => {
    const english = texts(en);
    const welsh = new Map(texts(cy));
    // Welsh may say more (a sentence of its own for an empty field), never less.
    expect([...english.map(([path]) => path)].filter((path) => !welsh.has(path))).toEqual([]);
    const same = english.filter(([path, text]) => text === welsh.get(path)).map(([path]) => path);
    expect(same).toEqual([]);
    for (const [path, text] of welsh.entries()) expect({ path, empty: text.trim() === '' }).toEqual({ path, empty: false });
  });

  it('name each status and category in Welsh, and say dates the Welsh way', () => {
    expect(['logged', 'referred', 'boardReview', 'roundtable', 'resolved', 'fedBack', 'withdrawn'].map((status) => statusIn(cy, status))).toEqual([
      'Wedi’i gofnodi',
      'Wedi’i gyfeirio',
      'Adolygiad y bwrdd',
      'Trafodaeth bord gron',
      'Wedi’i ddatrys',
      'Adborth wedi’i roi',
      'Wedi’i dynnu’n ôl',
    ]);
    expect(statusIn(en, 'fedBack')).toBe('Fed back');
    expect(statusIn(cy, 'somethingNew')).toBe('somethingNew');
    expect(categoryIn(cy, 'community-safety')).toBe('Diogelwch cymunedol');
    expect(datesIn(cy).date('2026-03-05')).toBe('5 Maw 2026');
    expect(datesIn(en).date('2026-03-05')).toBe('5 Mar 2026');
  });

  it('write Welsh dates the same way in a browser whose Intl has no Welsh', () => {
    // 'zz' stands for a locale Intl lacks, as Welsh is in some Chromium builds.
    const withoutWelsh = dateFormats('zz', cy.months);
    for (let month = 0; month < 12; month += 1) {
      const instant = new Date(Date.UTC(2026, month, 5, 9, 30)).toISOString();
      expect(withoutWelsh.dateTime(instant)).toBe(dateFormats('cy').dateTime(instant));
      expect(withoutWelsh.date(instant)).toBe(dateFormats('cy').date(instant));
    }
    expect(withoutWelsh.date('2026-12-24')).toBe('24 Rhag 2026');
  });
});

describe('the page’s language in its address', () => {
  it('is Welsh with ?lang=cy and English otherwise', () => {
    expect(languageIn('?lang=cy')).toBe('cy');
    expect(languageIn('?action=confirm&lang=cy')).toBe('cy');
    for (const search of ['', '?lang=en', '?lang=CY', '?lang=fr']) expect(languageIn(search)).toBe('en');
  });

  it('switches an address to the other language, keeping the rest of it', () => {
    expect(inLanguage('/report', 'cy')).toBe('/report?lang=cy');
    expect(inLanguage('/report?lang=cy', 'en')).toBe('/report');
    expect(inLanguage('/track/TROW-2026-00001?lang=cy&action=dispute&token=a.b', 'en')).toBe('/track/TROW-2026-00001?action=dispute&token=a.b');
    expect(inLanguage('/track/TROW-2026-00001?action=confirm&token=a.b', 'cy')).toBe('/track/TROW-2026-00001?action=confirm&token=a.b&lang=cy');
  });
});
