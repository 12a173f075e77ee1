import { createContext } from 'preact';

/*
 * The few words a form field and the error summary say themselves, in the page's language. The
 * console has no provider and so gets English; the residents' pages provide English or Welsh.
 */

export interface FieldWords {
  /** The label of a field that may be left empty. */
  readonly optional: (label: string) => string;
  /** Read before a field's problem by screen readers. */
  readonly errorPrefix: string;
  /** The empty first option of a choice. */
  readonly choose: string;
  /** The error summary's heading. */
  readonly problemTitle: string;
}

export const ENGLISH_FIELD_WORDS: FieldWords = {
  optional: (label) => `${label} (optional)`,
  errorPrefix: 'Error: ',
  choose: 'Choose…',
  problemTitle: 'There is a problem',
};

export const FieldWordsContext = createContext<FieldWords>(ENGLISH_FIELD_WORDS);
