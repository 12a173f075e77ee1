import { useWords } from '../i18n/residentWords';

/*
 * The link to the same page in the other language ("Cymraeg" on an English page, "English" on a
 * Welsh one), at the top of each residents' page. Its text is in the language it leads to, and
 * says so (lang), so a screen reader pronounces it rightly (WCAG 3.1.2).
 */
export function LanguageSwitch({ href }: { readonly href: string }) {
  const words = useWords();
  return (
    <nav class="language-switch" aria-label={words.switchTo.navLabel}>
      <a href={href} lang={words.switchTo.language} hrefLang={words.switchTo.language}>
        {words.switchTo.name}
      </a>
    </nav>
  );
}
