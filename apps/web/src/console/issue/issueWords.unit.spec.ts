import { ApiError } from '../../shared/api';
import { offeredCommands } from './offeredCommands';
import { failureWords } from '../failureWords';
import { conflictMessage, notAllowedMessage, recordedMessage } from './outcomeMessages';
import { submissionFor } from '../../shared/submissionKey';
import { actorWords, inOrder } from './timelineWords';

describe('the steps the issue page offers', () => {
  it('offers what the status allows and the role may run, in the buttons’ fixed order', () => {
    const allowed = ['notes', 'withdraw', 'refer', 'board-review', 'assign', 'resolve'] as const;
    expect(offeredCommands(allowed, ['refer', 'board-review', 'resolve', 'withdraw', 'assign', 'notes', 'feed-back'])).toEqual(['refer', 'board-review', 'resolve', 'withdraw', 'assign', 'notes']);
    // An officer: no Refer, no Board review.
    expect(offeredCommands(allowed, ['resolve', 'notes', 'await-resident', 'resident-replied'])).toEqual(['resolve', 'notes']);
    expect(offeredCommands([], ['refer'])).toEqual([]);
  });
});

describe('the Idempotency-Key of a submission', () => {
  let made = 0;
  const fresh = () => `key-${++made}`;

  it('is kept for a retry of the same body, and new for another body', () => {
    const first = submissionFor(null, '{"outcome":"Fixed","expectedVersion":3}', fresh);
    expect(submissionFor(first, '{"outcome":"Fixed","expectedVersion":3}', fresh).key).toBe(first.key);
    const changed = submissionFor(first, '{"outcome":"Fixed","expectedVersion":4}', fresh);
    expect(changed.key).not.toBe(first.key);
    expect(changed.body).toBe('{"outcome":"Fixed","expectedVersion":4}');
  });
});

describe('what the issue page says', () => {
  it('names the step recorded and the status it led to', () => {
    expect(recordedMessage('board-review', 'boardReview')).toBe('Recorded: Board review. The issue is now Board review.');
    expect(recordedMessage('notes', 'logged')).toBe('Recorded: Add note. The issue is now Logged.');
  });

  it('explains a 409 with the version and status the issue has now', () => {
    expect(conflictMessage(7, 'resolved')).toBe(
      'Someone else changed this issue while you had it open (it is now at version 7, Resolved). It has been reloaded: check the timeline, then submit again.',
    );
  });

  it('explains a 422 with the status and the steps allowed now', () => {
    expect(notAllowedMessage('fedBack', ['reopen', 'notes'])).toBe('This step is not allowed now: the issue is Fed back. Steps allowed now: Reopen, Add note.');
    expect(notAllowedMessage('withdrawn', [])).toBe('This step is not allowed now: the issue is Withdrawn. Steps allowed now: none that you may take.');
  });

  it('says plainly what went wrong otherwise', () => {
    expect(failureWords(new ApiError(0, { statusCode: 0, message: 'unreachable' }), true)).toBe('The server could not be reached: check the connection and try again. What you typed is kept.');
    expect(failureWords(new ApiError(401, { statusCode: 401, message: 'jwt expired' }))).toBe('Your sign-in has expired: sign in again.');
    expect(failureWords(new ApiError(403, { statusCode: 403, message: 'you do not serve area melksham' }))).toBe('You may not do this: you do not serve area melksham.');
    expect(failureWords(new ApiError(429, { statusCode: 429, message: 'slow down' }))).toBe('Too many requests just now: wait a minute, then try again.');
    expect(failureWords(new ApiError(500, { statusCode: 500, message: 'boom' }))).toBe('The server answered 500: boom.');
  });
});

describe('the timeline in words', () => {
  it('names who did each step with their role in words', () => {
    expect(actorWords({ id: 'u1', name: 'Maya Patel', role: 'areaManager' })).toBe('Maya Patel (Area manager)');
    expect(actorWords({ id: 'system', name: '', role: 'system' })).toBe('System');
    expect(actorWords({ id: 'anonymous', name: 'Resident', role: 'resident' })).toBe('Resident');
  });

  it('puts the steps oldest first', () => {
    const step = (version: number) => ({ version, type: 'NoteAdded', status: 'logged' as const, at: '2026-11-24T10:00:00Z', actor: { id: 'a', name: 'A', role: 'officer' }, summary: '', public: false });
    expect(inOrder([step(3), step(1), step(2)]).map((each) => each.version)).toEqual([1, 2, 3]);
  });
});
