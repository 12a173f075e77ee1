import Handlebars from 'handlebars';
import { join } from 'node:path';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from '@app/lifecycle';
import { NOTIFYING_EVENTS } from '../messageKinds';
import { SAMPLE_CONTEXT } from './sampleContext';
import { templateData, templateEnvironment, unescapedOutputLines } from './templateEnvironment';
import { type Flavour, flavourOf, layoutName, MESSAGE_PARTS, templateName } from './templateFiles';

/**
 * Each problem of the templates read, naming its file: a syntax error; in HTML, a value printed
 * unescaped; or, tried strictly against a context with every field filled, a field, helper or
 * partial that does not exist (a misspelling renders nothing at send time otherwise).
 */
export function checkTemplates(dir: string, sources: ReadonlyMap<string, string>): string[] {
  return RESIDENT_LANGUAGES.flatMap((language) => (['text', 'html'] as const).flatMap((flavour) => checkFlavour(dir, language, flavour, sources)));
}

function checkFlavour(dir: string, language: ResidentLanguage, flavour: Flavour, sources: ReadonlyMap<string, string>): string[] {
  const problems: string[] = [];
  const data = { ...templateData(language, SAMPLE_CONTEXT), subject: 'Sample subject' };
  const env = templateEnvironment(flavour, true);
  const attempt = (name: string, tryIt: (source: string) => void): boolean => {
    const source = sources.get(name);
    if (source === undefined) return false; // already reported missing
    try {
      Handlebars.parse(source);
      const unescaped = flavour === 'html' ? unescapedOutputLines(source) : [];
      if (unescaped.length > 0) throw new Error(`line ${unescaped.join(', ')} prints a value unescaped ({{{ }}} or {{& }}): use {{ }}`);
      tryIt(source);
      return true;
    } catch (error) {
      problems.push(`${join(dir, name)}: ${(error as Error).message.replace(' in [object Object]', '')}`);
      return false;
    }
  };
  const layoutFine = attempt(layoutName(language, flavour), (source) => {
    env.useLayout(env.compile(source));
    env.compile('{{#> layout}}body{{/layout}}')(data);
  });
  for (const event of NOTIFYING_EVENTS) {
    for (const part of MESSAGE_PARTS.filter((p) => flavourOf(p) === flavour)) {
      // With a broken layout, the bodies are only parsed: their trial would blame them for it.
      attempt(templateName(language, event, part), (source) => layoutFine && env.compile(source)(data));
    }
  }
  return problems;
}
