/*
 * The residents' pages speak English or Welsh (API.md, "Notifications to residents": `/report`
 * and `/track/:reference` exist in both, `?lang=cy`). English is the default and has no
 * parameter, so an English address stays as it always was. Pure: unit-tested.
 */

export type Language = 'en' | 'cy';

export const LANGUAGES: readonly Language[] = ['en', 'cy'];

/** The page's language from its query string (`?lang=cy`); anything else is English. */
export function languageIn(search: string): Language {
  return new URLSearchParams(search).get('lang') === 'cy' ? 'cy' : 'en';
}

/** `path` (which may carry a query) in `language`: `?lang=cy` set for Welsh, removed for English. */
export function inLanguage(path: string, language: Language): string {
  const [pathname, query = ''] = path.split('?', 2);
  const params = new URLSearchParams(query);
  if (language === 'cy') params.set('lang', 'cy');
  else params.delete('lang');
  const text = params.toString();
  return text === '' ? pathname : `${pathname}?${text}`;
}
