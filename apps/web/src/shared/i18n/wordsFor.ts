import { dateFormats, type DateFormats } from '../format';
import { categoryLabel } from '../labels';
import { cy } from './cy';
import { en } from './en';
import type { Language } from './language';
import type { KnownCategory, ResidentWords } from './words';

/* The residents' pages' words for a language, and the values they show said in it. Pure. */

const DICTIONARIES: Readonly<Record<Language, ResidentWords>> = { en, cy };

export const wordsFor = (language: Language): ResidentWords => DICTIONARIES[language];

/** A status in the page's language; an unknown one as the API named it. */
export const statusIn = (words: ResidentWords, status: string): string => (words.statuses as Readonly<Record<string, string>>)[status] ?? status;

/** A category in the page's language; one the dictionaries do not know, from its id (`street-lighting` → `Street lighting`). */
export const categoryIn = (words: ResidentWords, category: string): string => words.categories[category as KnownCategory] ?? categoryLabel(category);

const formats = new Map<string, DateFormats>();

/** Dates in the page's language (Intl: `en-GB` or `cy`). */
export function datesIn(words: ResidentWords): DateFormats {
  let found = formats.get(words.dateLocale);
  if (!found) {
    found = dateFormats(words.dateLocale, words.months);
    formats.set(words.dateLocale, found);
  }
  return found;
}
