import Handlebars from 'handlebars';
import type { ResidentLanguage } from '@app/lifecycle';
import type { MessageContext } from '../messageKinds';
import { RESIDENT_LINK_DAYS } from '../residentLinks';
import type { Flavour } from './templateFiles';

export type Template = (data: object) => string;

/** What every template may use besides the context: the language, how long answer links work. */
export const templateData = (language: ResidentLanguage, context: MessageContext) => ({ ...context, language, linkDays: RESIDENT_LINK_DAYS });

/** Handlebars of its own per language and flavour: the `layout` partial is that language's. */
export interface TemplateEnvironment {
  compile(source: string): Template;
  useLayout(layout: Template): void;
}

/**
 * HTML templates escape every `{{value}}`; subjects and plain text never do (`noEscape`). Both know
 * `{{lines value}}`: the value's lines, in HTML escaped and joined by <br>. `strict` makes a missing
 * field an error: used to try a template against a full context, so a misspelt field is caught.
 */
export function templateEnvironment(flavour: Flavour, strict: boolean): TemplateEnvironment {
  const env = Handlebars.create();
  const options: CompileOptions = flavour === 'html' ? { strict } : { strict, noEscape: true };
  env.registerHelper(
    'lines',
    flavour === 'html'
      ? (value: unknown) => new env.SafeString(linesOf(value).map((line) => env.escapeExpression(line)).join('<br>\n'))
      : (value: unknown) => linesOf(value).join('\n'),
  );
  return {
    compile: (source) => env.compile(source, options),
    useLayout: (layout) => env.registerPartial('layout', layout),
  };
}

const linesOf = (value: unknown): string[] => (value === undefined || value === null ? [] : String(value).split(/\r\n|\r|\n/));

/** Lines where a template prints a value unescaped (`{{{ }}}`, `{{& }}`): never allowed in HTML. */
export function unescapedOutputLines(source: string): number[] {
  const lines: number[] = [];
  class UnescapedFinder extends Handlebars.Visitor {
    override MustacheStatement(mustache: hbs.AST.MustacheStatement): void {
      if (!mustache.escaped) lines.push(mustache.loc.start.line);
      super.MustacheStatement(mustache);
    }
  }
  new UnescapedFinder().accept(Handlebars.parse(source));
  return lines;
}
