import { err, ISSUE_COMMAND_NAMES, type IssueCommandName, ok, type Result } from '@app/lifecycle';
import { findInputProblems, MAX_NESTING_DEPTH } from '../../http/inputProblems';
import { ImportedIssueDto } from './importedIssue.dto';
import type { ImportedTransition, ImportLine, TransitionCommand } from './importLine';
import { TRANSITION_BODIES } from './transitionBodies';
import { containsUnsafeText } from './unsafeText';
import { validateBody } from './validateBody';

/** More would be a runaway export, not an issue's history; the bodies' own arrays are capped likewise. */
export const MAX_TRANSITIONS = 500;

export interface ParsedImportLine {
  /** The line as JSON values, before any conversion: what the issue's id is derived from. */
  readonly content: object;
  readonly line: ImportLine;
}

const LINE_FIELDS = ['issue', 'transitions'];
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One line of an import file, checked as the HTTP commands check their bodies (the same DTO
 * classes, the same messages), each problem named by where it is: `issue.title ...`,
 * `transitions[2].outcome ...`. The lifecycle's checks come later, in decideImportedIssue.
 */
export async function parseImportLine(text: string): Promise<Result<ParsedImportLine, string>> {
  let content: unknown;
  try {
    content = JSON.parse(text);
  } catch (error) {
    return err(`not valid JSON: ${(error as Error).message}`);
  }
  if (!isObject(content)) return err('a line must be a JSON object { "issue": {...}, "transitions": [...] }');
  // Bounded before any walk that recurses (containsUnsafeText, class-validator): a line nested
  // thousands of levels deep overflowed the stack and answered 500 (found by test/fuzz).
  if (findInputProblems(content, { limit: 1_000 }).some((problem) => problem.kind === 'too-deep')) {
    return err(`a line may nest objects and arrays at most ${MAX_NESTING_DEPTH} levels deep`);
  }
  if (containsUnsafeText(content)) return err('text must not contain NUL (\\u0000) characters or unpaired UTF-16 surrogates');

  const problems = Object.keys(content)
    .filter((field) => !LINE_FIELDS.includes(field))
    .map((field) => `property ${field} should not exist`);
  const issue = await parseIssue(content.issue, problems);
  const transitions = await parseTransitions(content.transitions ?? [], problems);
  if (problems.length > 0 || !issue || !transitions) return err(problems.join('; '));
  const { loggedAt, ...body } = issue;
  return ok({ content, line: { issue: body, loggedAt, transitions } });
}

async function parseIssue(issue: unknown, problems: string[]): Promise<ImportedIssueDto | undefined> {
  if (!isObject(issue)) {
    problems.push('issue must be an object: the POST /issues body with its loggedAt');
    return undefined;
  }
  if ('occurredAt' in issue) problems.push('issue.occurredAt should not exist: an imported issue is dated by loggedAt');
  const validated = await validateBody(issue, ImportedIssueDto, 'issue');
  if (!validated.ok) problems.push(...validated.error);
  return validated.ok ? validated.value : undefined;
}

async function parseTransitions(transitions: unknown, problems: string[]): Promise<ImportedTransition[] | undefined> {
  if (!Array.isArray(transitions)) {
    problems.push('transitions must be an array');
    return undefined;
  }
  if (transitions.length > MAX_TRANSITIONS) {
    problems.push(`transitions must contain no more than ${MAX_TRANSITIONS} elements`);
    return undefined;
  }
  const parsed: ImportedTransition[] = [];
  for (const [index, transition] of transitions.entries()) {
    const one = await parseTransition(transition, `transitions[${index}]`);
    if (one.ok) parsed.push(one.value);
    else problems.push(...one.error);
  }
  return parsed.length === transitions.length ? parsed : undefined;
}

async function parseTransition(transition: unknown, path: string): Promise<Result<ImportedTransition, string[]>> {
  if (!isObject(transition)) return err([`${path} must be an object { "command", "occurredAt", ...the command's body }`]);
  const { command, expectedVersion, ...body } = transition;
  if (!ISSUE_COMMAND_NAMES.includes(command as IssueCommandName)) {
    return err([`${path}.command must be one of the following values: ${ISSUE_COMMAND_NAMES.join(', ')}`]);
  }
  const name = command as IssueCommandName;
  const problems: string[] = [];
  if (expectedVersion !== undefined) problems.push(`${path}.property expectedVersion should not exist: an import line's order is its transitions' order`);
  if (body.occurredAt === undefined) problems.push(`${path}.occurredAt is required: an imported transition says when it happened`);
  // A meeting is checked against its own stream when a command names it (MeetingCheck); a historic
  // issue's board met before this system knew of meetings, so an import names none.
  if (body.meetingId !== undefined) problems.push(`${path}.property meetingId should not exist: imported transitions name no board meeting`);
  // expectedVersion is the one field of the route's body an import has no use for: supplied, so
  // the class checks every other field exactly as the route does.
  const validated = await validateBody({ ...body, expectedVersion: 0 }, TRANSITION_BODIES[name], path);
  if (!validated.ok) problems.push(...validated.error);
  if (problems.length > 0 || !validated.ok) return err(problems);
  const { expectedVersion: _unused, occurredAt, ...data } = validated.value;
  return ok({ command: { type: name, data } as TransitionCommand, occurredAt: occurredAt! });
}
