import type { ComponentChildren } from 'preact';
import { FieldWordsContext } from '../components/fieldWords';
import type { Language } from './language';
import { ResidentWordsContext } from './residentWords';
import { wordsFor } from './wordsFor';

/** A residents' page in `language`: its own words, and the form fields' words, for everything inside. */
export function InLanguage({ language, children }: { readonly language: Language; readonly children: ComponentChildren }) {
  const words = wordsFor(language);
  return (
    <ResidentWordsContext.Provider value={words}>
      <FieldWordsContext.Provider value={words.field}>{children}</FieldWordsContext.Provider>
    </ResidentWordsContext.Provider>
  );
}
