import type { Deadline, Issue, IssueListItem } from '../../shared/contract';

/*
 * What the queue and the issue page flag about an issue: its next deadline, whether it is
 * overdue (a running deadline's day is over, or the officer's due-by day passed while it is
 * still open) and whether it was escalated (a deadline was missed). Days are compared as
 * YYYY-MM-DD in London, as the API counts them. Pure.
 */

const CLOSED = new Set(['resolved', 'fedBack', 'withdrawn']);

/** The soonest deadline still running, if any. */
export function nextDeadline(issue: Pick<Issue, 'deadlines'>): Deadline | null {
  return issue.deadlines.filter((deadline) => deadline.state === 'running').reduce<Deadline | null>((soonest, deadline) => (soonest === null || deadline.dueAt < soonest.dueAt ? deadline : soonest), null);
}

/** Overdue on `today` (YYYY-MM-DD in London). */
export function isOverdue(issue: Pick<Issue, 'deadlines' | 'dueBy' | 'status'>, today: string): boolean {
  const runningLate = issue.deadlines.some((deadline) => deadline.state === 'running' && deadline.dueAt < today);
  const pastDueBy = issue.dueBy !== null && issue.dueBy < today && !CLOSED.has(issue.status);
  return runningLate || pastDueBy;
}

/** Disputed: the resident said the outcome was wrong and it has not been resolved again (the queue lists these first). */
export const isDisputed = (issue: Pick<IssueListItem, 'disputedAt'>): boolean => typeof issue.disputedAt === 'string';

/** Escalated: a deadline was missed (the system then escalates it to the board chair). */
export const isEscalated = (issue: Pick<Issue, 'deadlines'>): boolean => issue.deadlines.some((deadline) => deadline.state === 'missed');
