/** How deep a body or query may nest objects and arrays: intake needs 2, anything past this is an attack or a bug. */
export const MAX_NESTING_DEPTH = 32;

/**
 * NUL, or a UTF-16 surrogate without its partner. PostgreSQL can hold neither (not in text, not
 * in JSON), SQLite would keep text that no longer round-trips through UTF-8, and no resident's
 * issue needs them. A well-formed pair (an emoji) is fine.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const isStorableText = (text: string): boolean => !text.includes('\u0000') && !LONE_SURROGATE.test(text);

/**
 * Property names no field has, and that reach into prototypes: class-transformer drops them
 * silently where every other unknown field is refused, so they are refused here, like the rest.
 */
const RESERVED_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** What is wrong with a piece of input, and where (`raisedBy.name`, `participants[1]`; '' is the whole value). */
export type InputProblem =
  | { readonly kind: 'unstorable-text'; readonly at: string }
  | { readonly kind: 'unstorable-name'; readonly at: string }
  | { readonly kind: 'reserved-name'; readonly at: string; readonly name: string }
  | { readonly kind: 'too-deep'; readonly at: string };

export interface InputCheckOptions {
  readonly maxDepth?: number;
  /** Stop after this many problems: a hostile body may hold thousands. */
  readonly limit?: number;
}

/**
 * Every string and property name in a parsed body or query, checked for text no store can hold
 * as sent, and the nesting bounded. The walk never goes deeper than `maxDepth`, so even a body
 * nested 50,000 levels costs a few frames: it is refused here, before class-transformer and
 * class-validator recurse through it (which is what overflowed the stack and answered 500).
 */
export function findInputProblems(value: unknown, options: InputCheckOptions = {}): InputProblem[] {
  const maxDepth = options.maxDepth ?? MAX_NESTING_DEPTH;
  const limit = options.limit ?? 10;
  const problems: InputProblem[] = [];

  const visit = (current: unknown, at: string, depth: number): void => {
    if (problems.length >= limit) return;
    if (typeof current === 'string') {
      if (!isStorableText(current)) problems.push({ kind: 'unstorable-text', at });
      return;
    }
    if (current === null || typeof current !== 'object') return;
    if (depth >= maxDepth) {
      problems.push({ kind: 'too-deep', at });
      return;
    }
    if (Array.isArray(current)) {
      current.forEach((item, index) => visit(item, `${at}[${index}]`, depth + 1));
      return;
    }
    for (const [key, inner] of Object.entries(current)) {
      if (!isStorableText(key) || RESERVED_NAMES.has(key)) {
        problems.push(isStorableText(key) ? { kind: 'reserved-name', at, name: key } : { kind: 'unstorable-name', at });
        if (problems.length >= limit) return;
        continue;
      }
      visit(inner, at === '' ? key : `${at}.${key}`, depth + 1);
    }
  };

  visit(value, '', 0);
  return problems;
}

/** A problem as the 400's message says it; `whole` names the value itself ("the body", "the query"). */
export function describeInputProblem(problem: InputProblem, whole: string, prefix = ''): string {
  const where = problem.at === '' ? whole : `${prefix}${problem.at}`;
  switch (problem.kind) {
    case 'unstorable-text':
      return `${where} must not contain NUL characters or unpaired UTF-16 surrogates`;
    case 'unstorable-name':
      return `property names in ${where} must not contain NUL characters or unpaired UTF-16 surrogates`;
    case 'reserved-name':
      return `property ${problem.name} should not exist${problem.at === '' ? '' : ` in ${where}`}`;
    case 'too-deep':
      return `${where} nests objects and arrays too deep: at most ${MAX_NESTING_DEPTH} levels`;
  }
}
