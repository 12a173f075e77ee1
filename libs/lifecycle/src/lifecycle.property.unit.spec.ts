import fc from 'fast-check';
import { ROLES } from './actor';
import { decide } from './decide';
import { evolve, foldIssue } from './evolve';
import { ISSUE_COMMAND_NAMES } from './issueCommands';
import { EVENT_SCHEMA_VERSION, type IssueEvent } from './issueEvents';
import type { IssueState } from './issueState';
import type { IssueStatus } from './issueStatus';
import { CONTRACT } from './testing/contractTable';
import { AREA, eventsOf, NOW, sampleCommands, staff } from './testing/fixtures';
import { upcast } from './upcast';

const step = fc.record({
  command: fc.constantFrom(...ISSUE_COMMAND_NAMES),
  role: fc.constantFrom(...ROLES),
  servesArea: fc.boolean(),
});

/** What a store gives back: JSON, read through the upcaster. */
const roundTrip = (events: IssueEvent[]) =>
  (JSON.parse(JSON.stringify(events)) as IssueEvent[]).map((event) =>
    upcast({ ...event, schemaVersion: EVENT_SCHEMA_VERSION[event.type] }),
  );

describe('the lifecycle under random command sequences', () => {
  it('follows the contract table: permitted and allowed commands record one event, the rest none', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const events = eventsOf([]);
        let live: IssueState = foldIssue(events);
        let expected: IssueStatus = 'logged';
        // Where a reply leads: the status the issue was in when the resident was asked.
        let askedFrom: IssueStatus = 'logged';

        for (const { command, role, servesArea } of steps) {
          const actor = staff(role, servesArea ? [AREA] : ['another-area']);
          const result = decide(live, sampleCommands[command], { actor, now: NOW, expectedVersion: live.version });
          const rule = CONTRACT[command];
          const permitted = role === 'admin' || (rule.roles.includes(role) && servesArea);

          if (!permitted) {
            expect(result).toMatchObject({ ok: false, error: { kind: 'forbidden' } });
          } else if (!rule.from.includes(expected)) {
            expect(result).toMatchObject({ ok: false, error: { kind: 'illegal-transition', status: expected } });
          } else {
            expect(result).toMatchObject({ ok: true, value: [{ type: rule.event }] });
            if (result.ok) {
              events.push(...result.value);
              live = result.value.reduce(evolve, live);
            }
            if (command === 'await-resident') askedFrom = expected;
            if (command === 'resident-replied') expected = askedFrom;
            else if (rule.to !== 'unchanged') expected = rule.to;
          }
          expect(live).toMatchObject({ status: expected, version: events.length });
        }

        expect(foldIssue(roundTrip(events))).toEqual(live);
      }),
      { numRuns: 500 },
    );
  });
});
