import type { ResidentLanguage } from '@app/lifecycle';

const LOCALES: Readonly<Record<ResidentLanguage, string>> = { en: 'en-GB', cy: 'cy' };
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const formats = new Map<string, Intl.DateTimeFormat>();

function format(language: ResidentLanguage, timeZone: string): Intl.DateTimeFormat {
  const key = `${language} ${timeZone}`;
  let found = formats.get(key);
  if (!found) {
    found = new Intl.DateTimeFormat(LOCALES[language], { day: 'numeric', month: 'long', year: 'numeric', timeZone });
    formats.set(key, found);
  }
  return found;
}

/**
 * A date in words in the resident's language: "12 December 2026", "12 Rhagfyr 2026". An instant is
 * dated in the UK (Europe/London); a calendar date (YYYY-MM-DD, e.g. a meeting's) is that very day.
 */
export function dateInWords(iso: string, language: ResidentLanguage): string {
  const dateOnly = DATE_ONLY.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(date.getTime())) throw new RangeError(`${JSON.stringify(iso)} is not an ISO 8601 date`);
  return format(language, dateOnly ? 'UTC' : 'Europe/London').format(date);
}
