import type { DeadlineClock, DeadlineView, Pause, WorkingCalendar } from './deadlineClock';
import { awaitsMissedRecord, deadlineOf, MAX_WALK_DAYS, nextDueDay } from './deadlineOf';
import { addDays } from './londonDay';
import { bankHolidayCalendar } from './workingCalendar';

const england = bankHolidayCalendar('GB-ENG');
const scotland = bankHolidayCalendar('GB-SCT');

// Monday 1 June 2026, five working days: due Monday 8 June unless paused.
const clock = (facts: Partial<DeadlineClock> = {}): DeadlineClock => ({
  kind: 'resolve',
  cycle: 0,
  startedOn: '2026-06-01',
  endedOn: null,
  pauses: [],
  stoppedOn: null,
  missedRecorded: false,
  ...facts,
});
const pause = (from: string, until: string | null = null): Pause => ({ from, until });
const due = (facts: Partial<DeadlineClock>, today: string, workingDays = 5) => deadlineOf(clock(facts), workingDays, england, today);

describe('deadlineOf: when a deadline falls', () => {
  it('is the Nth working day after the day it started, skipping the weekend', () => {
    expect(due({}, '2026-06-02')).toEqual({ kind: 'resolve', dueAt: '2026-06-08', workingDays: 5, pausedDays: 0, state: 'running' });
  });

  it('counts from a weekend start as from the Friday', () => {
    expect(due({ startedOn: '2026-06-06' }, '2026-06-06', 1).dueAt).toBe('2026-06-08');
  });

  it('skips the early May holiday', () => {
    expect(due({ startedOn: '2026-04-30' }, '2026-04-30', 2).dueAt).toBe('2026-05-05');
  });

  it('follows the region: Easter Monday delays England but not Scotland', () => {
    const started = clock({ startedOn: '2026-04-02' });
    expect(deadlineOf(started, 2, england, '2026-04-02').dueAt).toBe('2026-04-08');
    expect(deadlineOf(started, 2, scotland, '2026-04-02').dueAt).toBe('2026-04-07');
  });

  it('skips Christmas and New Year, with Scotland’s substitute day', () => {
    expect(due({ startedOn: '2026-12-24' }, '2026-12-24', 2).dueAt).toBe('2026-12-30');
    const newYear = clock({ startedOn: '2026-12-31' });
    expect(deadlineOf(newYear, 2, england, '2026-12-31').dueAt).toBe('2027-01-05');
    expect(deadlineOf(newYear, 2, scotland, '2026-12-31').dueAt).toBe('2027-01-06');
  });
});

describe('deadlineOf: pauses', () => {
  it('adds a working day for each paused working day, resumption day not paused', () => {
    const view = due({ pauses: [pause('2026-06-03', '2026-06-05')] }, '2026-06-05');
    expect(view).toMatchObject({ dueAt: '2026-06-10', pausedDays: 2, state: 'running' });
  });

  it('counts a pause from the start day, the start day included', () => {
    const view = due({ pauses: [pause('2026-06-01', '2026-06-03')] }, '2026-06-03');
    expect(view).toMatchObject({ dueAt: '2026-06-10', pausedDays: 2 });
  });

  it('adds nothing for a pause over a weekend', () => {
    expect(due({ pauses: [pause('2026-06-06', '2026-06-08')] }, '2026-06-08')).toMatchObject({ dueAt: '2026-06-08', pausedDays: 0 });
  });

  it('moves dueAt a working day for each working day an ongoing pause lasts', () => {
    const ongoing = { pauses: [pause('2026-06-03')] };
    expect(due(ongoing, '2026-06-03')).toMatchObject({ dueAt: '2026-06-09', pausedDays: 1, state: 'paused' });
    expect(due(ongoing, '2026-06-04')).toMatchObject({ dueAt: '2026-06-10', pausedDays: 2, state: 'paused' });
    expect(due(ongoing, '2026-06-05')).toMatchObject({ dueAt: '2026-06-11', pausedDays: 3, state: 'paused' });
    expect(due(ongoing, '2026-06-06')).toMatchObject({ dueAt: '2026-06-11', pausedDays: 3, state: 'paused' });
  });

  it('is running again once the pause has ended', () => {
    expect(due({ pauses: [pause('2026-06-03', '2026-06-04')] }, '2026-06-04')).toMatchObject({ dueAt: '2026-06-09', state: 'running' });
  });

  it('adds up several pauses', () => {
    const view = due({ pauses: [pause('2026-06-02', '2026-06-03'), pause('2026-06-04', '2026-06-05')] }, '2026-06-05');
    expect(view).toMatchObject({ dueAt: '2026-06-10', pausedDays: 2 });
  });

  it('is not moved by a pause after dueAt: once missed, it stays missed', () => {
    expect(due({ pauses: [pause('2026-06-09', '2026-06-12')] }, '2026-06-12')).toMatchObject({ dueAt: '2026-06-08', pausedDays: 0, state: 'missed' });
    expect(due({ pauses: [pause('2026-06-09')] }, '2026-06-15')).toMatchObject({ dueAt: '2026-06-08', state: 'missed' });
  });
});

describe('deadlineOf: state', () => {
  it('is met when it ends on dueAt', () => {
    expect(due({ endedOn: '2026-06-08' }, '2026-06-20').state).toBe('met');
  });

  it('is still running on dueAt and missed the day after', () => {
    expect(due({}, '2026-06-08').state).toBe('running');
    expect(due({}, '2026-06-09').state).toBe('missed');
  });

  it('is missed when it ended late, without a DeadlineMissed', () => {
    expect(due({ endedOn: '2026-06-09' }, '2026-06-09').state).toBe('missed');
  });

  it('is missed once a DeadlineMissed is recorded, whatever the day', () => {
    expect(due({ missedRecorded: true }, '2026-06-02').state).toBe('missed');
  });

  it('stops for good when withdrawn before dueAt', () => {
    expect(due({ stoppedOn: '2026-06-03' }, '2026-07-01')).toMatchObject({ dueAt: '2026-06-08', state: 'paused' });
  });

  it('is missed when withdrawn after dueAt', () => {
    expect(due({ stoppedOn: '2026-06-09' }, '2026-07-01').state).toBe('missed');
  });

  it('freezes an ongoing pause at withdrawal', () => {
    const withdrawn = { pauses: [pause('2026-06-03')], stoppedOn: '2026-06-04' };
    expect(due(withdrawn, '2026-07-01')).toMatchObject({ dueAt: '2026-06-10', pausedDays: 2, state: 'paused' });
  });

  it('freezes an ongoing pause at the ending, so a met deadline stays met', () => {
    const ended = { pauses: [pause('2026-06-03')], endedOn: '2026-06-10' };
    // Paused Wednesday 3 to Wednesday 10 June: six working days.
    expect(due(ended, '2026-06-10')).toMatchObject({ dueAt: '2026-06-16', pausedDays: 6, state: 'met' });
    expect(due(ended, '2026-07-01')).toEqual(due(ended, '2026-06-10'));
  });
});

describe('deadlineOf: bad input', () => {
  it('rejects a target that is not a whole number of days', () => {
    expect(() => due({}, '2026-06-01', 2.5)).toThrow(RangeError);
    expect(() => due({}, '2026-06-01', -1)).toThrow(RangeError);
  });

  it('stops walking at its horizon rather than for ever, on a calendar without working days', () => {
    const neverWorks: WorkingCalendar = { isWorkingDay: () => false };
    expect(deadlineOf(clock(), 5, neverWorks, '2026-06-01').dueAt).toBe(addDays(clock().startedOn, MAX_WALK_DAYS));
  });

  it('judges a pause for a board meeting decades ahead without failing: paused, due no earlier than the horizon', () => {
    const farMeeting = due({ pauses: [{ from: '2026-06-01', until: '2099-12-03' }] }, '2026-06-10');
    expect(farMeeting.state).toBe('paused');
    expect(farMeeting.dueAt).toBe(addDays(clock().startedOn, MAX_WALK_DAYS));
  });
});

describe('nextDueDay', () => {
  const view = (dueAt: string, state: DeadlineView['state']): DeadlineView => ({ kind: 'resolve', dueAt, workingDays: 5, pausedDays: 0, state });

  it('is the earliest dueAt among running deadlines only', () => {
    const views = [view('2026-06-10', 'running'), view('2026-06-01', 'missed'), view('2026-06-02', 'paused'), view('2026-06-05', 'running')];
    expect(nextDueDay(views)).toBe('2026-06-05');
  });

  it('is null with nothing running', () => {
    expect(nextDueDay([view('2026-06-01', 'met')])).toBeNull();
    expect(nextDueDay([])).toBeNull();
  });
});

describe('awaitsMissedRecord', () => {
  const owed = (facts: Partial<DeadlineClock>, today: string) => awaitsMissedRecord(clock(facts), due(facts, today));

  it('is owed once dueAt has passed on an open clock', () => {
    expect(owed({}, '2026-06-08')).toBe(false);
    expect(owed({}, '2026-06-09')).toBe(true);
  });

  it('is not owed twice, nor for a late ending or a withdrawn issue', () => {
    expect(owed({ missedRecorded: true }, '2026-06-09')).toBe(false);
    expect(owed({ endedOn: '2026-06-09' }, '2026-06-10')).toBe(false);
    expect(owed({ stoppedOn: '2026-06-09' }, '2026-06-10')).toBe(false);
  });
});
