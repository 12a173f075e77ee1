import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { en } from './en';
import type { ResidentWords } from './words';

/* The residents' pages' words, given once at the top of each page (InLanguage) and read where they are shown. */

export const ResidentWordsContext = createContext<ResidentWords>(en);

export const useWords = (): ResidentWords => useContext(ResidentWordsContext);
