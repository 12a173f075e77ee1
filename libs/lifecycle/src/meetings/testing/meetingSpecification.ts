import { admin, AREA, NOW } from '../../testing/fixtures';
import { decideMeeting, type MeetingDecisionContext, type MeetingDecisionError } from '../decideMeeting';
import { foldMeeting, type MeetingState } from '../evolveMeeting';
import type { MeetingCommand, PublishMinutesData, ScheduleMeetingData } from '../meetingCommands';
import type { MeetingEvent } from '../meetingEvents';

export { AREA, NOW };

export const schedule = (data: Partial<ScheduleMeetingData> = {}, areaId = AREA): MeetingCommand => ({
  type: 'schedule-meeting',
  areaId,
  data: { date: '2026-12-03', venue: 'Trowbridge Town Hall', ...data },
});

export const publishMinutes = (data: Partial<PublishMinutesData> = {}): MeetingCommand => ({
  type: 'publish-minutes',
  data: { text: 'Present: Cllr Smith (chair). Item 1: agreed.', ...data },
});

/** Given a meeting's events, when a meeting command, then events (and the state they lead to) or an error. */
export function given(events: MeetingEvent[]) {
  return {
    when(command: MeetingCommand, context: Partial<MeetingDecisionContext> = {}) {
      const result = decideMeeting(foldMeeting(events), command, { actor: admin, now: NOW, ...context });
      return {
        thenEvents(expected: Array<Partial<MeetingEvent>>) {
          if (!result.ok) throw new Error(`expected events, got error ${JSON.stringify(result.error)}`);
          expect(result.value).toEqual(expected.map((event) => expect.objectContaining(event)));
          return { andState: (state: Partial<MeetingState>) => expect(foldMeeting([...events, ...result.value])).toMatchObject(state) };
        },
        thenError(expected: Partial<MeetingDecisionError>) {
          if (result.ok) throw new Error(`expected an error, got events ${JSON.stringify(result.value)}`);
          expect(result.error).toEqual(expect.objectContaining(expected));
          return {
            withProblems: (...fragments: string[]) => {
              if (result.error.kind !== 'invalid-meeting') throw new Error(`expected invalid-meeting, got ${result.error.kind}`);
              for (const fragment of fragments) expect(result.error.problems.join('\n')).toContain(fragment);
            },
          };
        },
      };
    },
  };
}

/** Run commands through `decideMeeting` from nothing and return the events they record. */
export function eventsOf(commands: MeetingCommand[], context: Partial<MeetingDecisionContext> = {}): MeetingEvent[] {
  const events: MeetingEvent[] = [];
  for (const command of commands) {
    const result = decideMeeting(foldMeeting(events), command, { actor: admin, now: NOW, ...context });
    if (!result.ok) throw new Error(`setting up: ${command.type} refused: ${JSON.stringify(result.error)}`);
    events.push(...result.value);
  }
  return events;
}
