import { join } from 'node:path';
import { RESIDENT_LANGUAGES, type ResidentLanguage } from '@app/lifecycle';
import { bundledPath } from '../bundledFiles';
import { type MessageContext, type MessageRenderer, NOTIFYING_EVENTS, type NotifyingEvent, type RenderedMessage } from '../messageKinds';
import { type Template, templateData, templateEnvironment } from './templateEnvironment';
import { type Flavour, flavourOf, layoutName, MESSAGE_PARTS, readTemplateSources, templateName } from './templateFiles';
import { checkTemplates } from './templateChecks';

/** The templates shipped with the project; a council points TEMPLATES_DIR at its own copy. */
export const bundledTemplatesDir = (): string => bundledPath(join('templates', 'notifications'));

/**
 * Reads and compiles every message template of `dir` at once, so that a council's broken edit stops
 * start-up with one error naming each file (missing, unparsable, an unknown field or helper, a value
 * printed unescaped in HTML) instead of failing when a message is sent.
 */
export function loadMessageTemplates(dir: string = bundledTemplatesDir()): MessageRenderer {
  const { sources, problems: unread } = readTemplateSources(dir);
  const problems = [...unread, ...checkTemplates(dir, sources)];
  if (problems.length > 0) {
    throw new Error(`The notification templates in ${dir} cannot be used; fix each file named:\n- ${problems.map((p) => p.replace(/\n/g, '\n  ')).join('\n- ')}`);
  }
  const templates = new Map<string, Template>();
  for (const language of RESIDENT_LANGUAGES) {
    for (const flavour of ['text', 'html'] as const) compileFlavour(language, flavour, sources, templates);
  }
  return { render: (event, language, context) => renderMessage(templates, event, language, context) };
}

function compileFlavour(language: ResidentLanguage, flavour: Flavour, sources: ReadonlyMap<string, string>, into: Map<string, Template>): void {
  const env = templateEnvironment(flavour, false);
  env.useLayout(env.compile(sources.get(layoutName(language, flavour))!));
  for (const event of NOTIFYING_EVENTS) {
    for (const part of MESSAGE_PARTS.filter((p) => flavourOf(p) === flavour)) {
      const name = templateName(language, event, part);
      into.set(name, env.compile(sources.get(name)!));
    }
  }
}

function renderMessage(templates: ReadonlyMap<string, Template>, event: NotifyingEvent, language: ResidentLanguage, context: MessageContext): RenderedMessage {
  const template = (part: (typeof MESSAGE_PARTS)[number]) => templates.get(templateName(language, event, part))!;
  const data = templateData(language, context);
  const subject = template('subject')(data).replace(/\s+/g, ' ').trim();
  return { subject, text: tidyText(template('text')(data)), html: template('html')({ ...data, subject }) };
}

/** Plain text as a mail client shows it: no trailing spaces, at most one blank line in a row. */
const tidyText = (text: string): string =>
  `${text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
