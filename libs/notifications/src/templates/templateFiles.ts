import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from '@app/lifecycle';
import { NOTIFYING_EVENTS, type NotifyingEvent } from '../messageKinds';

/** A message's three parts: the subject and plain text are never HTML-escaped, the HTML always is. */
export const MESSAGE_PARTS = ['subject', 'text', 'html'] as const;
export type MessagePart = (typeof MESSAGE_PARTS)[number];
export type Flavour = 'text' | 'html';

export const flavourOf = (part: MessagePart): Flavour => (part === 'html' ? 'html' : 'text');

/** `<language>/<Event>.<part>.hbs`, and a layout per language and flavour wrapping the bodies. */
export const templateName = (language: ResidentLanguage, event: NotifyingEvent, part: MessagePart): string => `${language}/${event}.${part}.hbs`;
export const layoutName = (language: ResidentLanguage, flavour: Flavour): string => `${language}/layout.${flavour}.hbs`;

/** Every file a template folder must hold, by its name relative to the folder. */
export function requiredTemplateNames(): string[] {
  return RESIDENT_LANGUAGES.flatMap((language) => [
    layoutName(language, 'text'),
    layoutName(language, 'html'),
    ...NOTIFYING_EVENTS.flatMap((event) => MESSAGE_PARTS.map((part) => templateName(language, event, part))),
  ]);
}

/** Reads every required file of `dir`; each one missing or unreadable is a problem naming its path. */
export function readTemplateSources(dir: string): { readonly sources: ReadonlyMap<string, string>; readonly problems: readonly string[] } {
  const sources = new Map<string, string>();
  const problems: string[] = [];
  for (const name of requiredTemplateNames()) {
    const path = join(dir, name);
    try {
      sources.set(name, readFileSync(path, 'utf8'));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(code === 'ENOENT' ? `${path} is missing` : `${path} cannot be read: ${(error as Error).message}`);
    }
  }
  return { sources, problems };
}
