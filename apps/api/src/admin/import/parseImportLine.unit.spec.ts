import { sampleImportLine } from './testing/sampleImportLine';
import { MAX_TRANSITIONS, parseImportLine } from './parseImportLine';

const parse = (value: unknown) => parseImportLine(typeof value === 'string' ? value : JSON.stringify(value));
const problemOf = async (value: unknown) => {
  const result = await parse(value);
  if (result.ok) throw new Error('expected the line to be refused');
  return result.error;
};

describe('parseImportLine: the HTTP commands’ validation, named by place in the line', () => {
  it('reads a good line into the intake body, its loggedAt and commands with their dates, no expectedVersion', async () => {
    const result = await parse(sampleImportLine());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { line } = result.value;
    expect(line.loggedAt).toBe('2019-03-04T09:30:00.000Z');
    expect(line.issue).toMatchObject({ title: 'Broken street light on Bond Street', areaId: 'trowbridge', raisedBy: { name: 'Grace Resident' } });
    expect(line.issue).not.toHaveProperty('loggedAt');
    expect(line.transitions.map((transition) => ({ ...transition, command: { ...transition.command, data: { ...transition.command.data } } }))).toEqual([
      { command: { type: 'refer', data: { serviceProvider: 'Street Lighting Ltd' } }, occurredAt: '2019-03-05T10:00:00.000Z' },
      { command: { type: 'resolve', data: { outcome: 'Lamp replaced.' } }, occurredAt: '2019-03-20T16:00:00.000Z' },
      { command: { type: 'feed-back', data: { message: 'The lamp was replaced.', channel: 'letter' } }, occurredAt: '2019-03-21T09:00:00.000Z' },
    ]);
  });

  it('takes a line without transitions: an issue that was only logged', async () => {
    const { transitions: _none, ...loggedOnly } = sampleImportLine();
    const result = await parse(loggedOnly);
    expect(result.ok && result.value.line.transitions).toEqual([]);
  });

  it('refuses text that is not JSON, or JSON that is not an object', async () => {
    expect(await problemOf('{"issue": {')).toMatch(/^not valid JSON: /);
    expect(await problemOf('[1, 2]')).toMatch(/must be a JSON object/);
    expect(await problemOf('null')).toMatch(/must be a JSON object/);
  });

  it('refuses unknown fields at every level, as the routes do, naming each', async () => {
    const line = sampleImportLine({ priority: 'high' }, { colour: 'red', raisedBy: { name: 'Grace', age: 40 } });
    (line.transitions[1] as Record<string, unknown>).urgent = true;
    const problem = await problemOf(line);
    expect(problem).toContain('property priority should not exist');
    expect(problem).toContain('issue.property colour should not exist');
    expect(problem).toContain('issue.raisedBy.property age should not exist');
    expect(problem).toContain('transitions[1].property urgent should not exist');
  });

  it('names every bad field of the issue and of each transition at once', async () => {
    const line = sampleImportLine({}, { title: 'x', category: 'weather' });
    line.transitions[1] = { command: 'resolve', occurredAt: '2019-03-20T16:00:00.000Z', outcome: '   ' } as (typeof line.transitions)[number];
    const problem = await problemOf(line);
    expect(problem).toMatch(/issue\.title must be longer than or equal to 3 characters/);
    expect(problem).toMatch(/issue\.category must be one of the following values/);
    expect(problem).toMatch(/transitions\[1\]\.outcome must not be blank/);
  });

  it('requires loggedAt and each transition’s occurredAt, and refuses issue.occurredAt and expectedVersion', async () => {
    expect(await problemOf(sampleImportLine({}, { loggedAt: undefined }))).toMatch(/issue\.loggedAt must be a valid ISO 8601 date string/);
    expect(await problemOf(sampleImportLine({}, { occurredAt: '2019-03-04T09:30:00.000Z' }))).toMatch(/issue\.occurredAt should not exist/);
    const line = sampleImportLine();
    const { occurredAt: _dropped, ...undated } = line.transitions[0];
    expect(await problemOf({ ...line, transitions: [undated] })).toMatch(/transitions\[0\]\.occurredAt is required/);
    expect(await problemOf({ ...line, transitions: [{ ...line.transitions[0], expectedVersion: 1 }] })).toMatch(/transitions\[0\]\.property expectedVersion should not exist/);
  });

  it('refuses a meetingId: an imported history names no board meeting of this system', async () => {
    const line = sampleImportLine();
    const review = { command: 'board-review', occurredAt: '2019-03-05T10:00:00.000Z', report: 'For the board.', meetingId: '0b5f0a52-6d1e-4d8e-9a43-1f6f3c2b9e10' };
    expect(await problemOf({ ...line, transitions: [review] })).toMatch(/transitions\[0\]\.property meetingId should not exist/);
  });

  it('refuses commands that are not the contract’s path names, dates that do not exist, and runaway histories', async () => {
    const line = sampleImportLine();
    expect(await problemOf({ ...line, transitions: [{ command: 'close', occurredAt: '2019-03-05T10:00:00Z' }] })).toMatch(
      /transitions\[0\]\.command must be one of the following values: refer, board-review, roundtable, resolve, feed-back, reopen, withdraw, assign, notes/,
    );
    expect(await problemOf({ ...line, transitions: [{ command: 'erase-personal-data', occurredAt: '2019-03-05T10:00:00Z' }] })).toMatch(/command must be one of/);
    expect(await problemOf(sampleImportLine({}, { loggedAt: '2019-02-30T09:00:00Z' }))).toMatch(/issue\.loggedAt must be a valid ISO 8601/);
    expect(await problemOf({ ...line, transitions: 'refer' })).toBe('transitions must be an array');
    const notes = Array.from({ length: MAX_TRANSITIONS + 1 }, () => ({ command: 'notes', occurredAt: '2019-03-05T10:00:00Z', text: 'n', public: false }));
    expect(await problemOf({ ...line, transitions: notes })).toMatch(/no more than 500/);
  });

  it('refuses NUL characters and unpaired surrogates anywhere, which PostgreSQL could not store', async () => {
    expect(await problemOf(sampleImportLine({}, { title: 'Light\u0000out' }))).toMatch(/NUL/);
    expect(await problemOf('{"issue": {"title": "Light \\ud800 out"}}')).toMatch(/surrogates/);
  });
});
