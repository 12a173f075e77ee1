import type { ResidentNotification } from '../../shared/contract';
import { messageKind, messageLine, messageState } from './notificationWords';

const message = (changes: Partial<ResidentNotification>): ResidentNotification => ({
  id: 'n-1',
  event: 'IssueLogged',
  channel: 'email',
  language: 'en',
  status: 'pending',
  attempts: 0,
  createdAt: '2026-12-12T14:00:00.000Z',
  ...changes,
});

describe('a message to the resident, in words', () => {
  it('says what it is about, how it goes and when it was sent, in London time', () => {
    expect(messageLine(message({ status: 'sent', sentAt: '2026-12-12T14:02:00.000Z', attempts: 1 }))).toBe('Acknowledgement — email — sent 12 Dec 2026, 14:02');
    // Summer time: 13:02 UTC is 14:02 in London.
    expect(messageLine(message({ event: 'OutcomeFedBack', status: 'sent', sentAt: '2026-06-12T13:02:00.000Z' }))).toBe('Outcome — email — sent 12 Jun 2026, 14:02');
  });

  it('names each event that notifies, and shows an unknown one as it is', () => {
    expect(['IssueLogged', 'BoardReviewScheduled', 'IssueReferred', 'OutcomeFedBack', 'IssueReopened', 'Other'].map(messageKind)).toEqual([
      'Acknowledgement',
      'Board meeting',
      'Referral',
      'Outcome',
      'Reopened',
      'Other',
    ]);
  });

  it('marks a failure plainly, with the reason', () => {
    expect(messageLine(message({ status: 'failed', attempts: 3, lastError: '550 mailbox unavailable' }))).toBe('Acknowledgement — email — FAILED: 550 mailbox unavailable');
    expect(messageState(message({ status: 'failed' }))).toBe('FAILED');
  });

  it('says what is left to do for letters and calls, and what was done', () => {
    expect(messageLine(message({ channel: 'letter' }))).toBe('Acknowledgement — letter — to print and post');
    expect(messageLine(message({ channel: 'phone', event: 'IssueReferred' }))).toBe('Referral — phone call — call to make');
    expect(messageState(message({ channel: 'letter', status: 'done' }))).toBe('posted');
    expect(messageState(message({ channel: 'phone', status: 'done' }))).toBe('called');
    expect(messageState(message({ status: 'cancelled' }))).toBe('cancelled');
  });

  it('tells an email still being retried from one not yet tried', () => {
    expect(messageState(message({}))).toBe('waiting to be sent');
    expect(messageState(message({ attempts: 2, lastError: '421 try later' }))).toBe('not sent yet (2 tries; trying again)');
  });
});
