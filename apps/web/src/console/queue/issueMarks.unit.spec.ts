import type { Deadline } from '../../shared/contract';
import { isDisputed, isEscalated, isOverdue, nextDeadline } from './issueMarks';

const deadline = (kind: Deadline['kind'], dueAt: string, state: Deadline['state']): Deadline => ({ kind, dueAt, workingDays: 10, pausedDays: 0, state });
const TODAY = '2026-11-24';

describe('what the queue flags about an issue', () => {
  it('takes the soonest running deadline as the next one, ignoring paused, met and missed ones', () => {
    const deadlines = [deadline('acknowledge', '2026-11-20', 'met'), deadline('resolve', '2026-12-08', 'running'), deadline('feedBack', '2026-11-30', 'running'), deadline('resolve', '2026-11-01', 'missed')];
    expect(nextDeadline({ deadlines })).toEqual(deadlines[2]);
    expect(nextDeadline({ deadlines: [deadline('resolve', '2026-11-01', 'paused')] })).toBeNull();
  });

  it('is overdue when a running deadline’s day is over, not on the day itself', () => {
    const base = { dueBy: null, status: 'referred' as const };
    expect(isOverdue({ ...base, deadlines: [deadline('resolve', '2026-11-23', 'running')] }, TODAY)).toBe(true);
    expect(isOverdue({ ...base, deadlines: [deadline('resolve', TODAY, 'running')] }, TODAY)).toBe(false);
    expect(isOverdue({ ...base, deadlines: [deadline('resolve', '2026-11-23', 'paused')] }, TODAY)).toBe(false);
  });

  it('is overdue when the due-by day passed while the issue is open, not once it is closed', () => {
    expect(isOverdue({ deadlines: [], dueBy: '2026-11-23', status: 'boardReview' }, TODAY)).toBe(true);
    expect(isOverdue({ deadlines: [], dueBy: '2026-11-23', status: 'resolved' }, TODAY)).toBe(false);
    expect(isOverdue({ deadlines: [], dueBy: TODAY, status: 'logged' }, TODAY)).toBe(false);
  });

  it('is disputed while the list says since when, not when it says none or says nothing', () => {
    expect(isDisputed({ disputedAt: '2026-11-20T10:00:00.000Z' })).toBe(true);
    expect(isDisputed({ disputedAt: null })).toBe(false);
    expect(isDisputed({})).toBe(false);
  });

  it('is escalated once any deadline was missed', () => {
    expect(isEscalated({ deadlines: [deadline('acknowledge', '2026-11-01', 'missed')] })).toBe(true);
    expect(isEscalated({ deadlines: [deadline('acknowledge', '2026-11-01', 'met')] })).toBe(false);
  });
});
