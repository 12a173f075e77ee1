import type { IssueCommandName } from '@app/lifecycle';
import { loadAreas } from '../../apps/api/src/config/areas';
import { SeededRandom } from './seededRandom';

/**
 * The transitions after intake, with how common each path is: every status, reopenings, board
 * reviews and roundtables, notes and assignments; about 4.6 transitions per issue.
 */
const PATHS: ReadonlyArray<readonly [readonly IssueCommandName[], number]> = [
  [['refer', 'assign', 'resolve', 'feed-back'], 25],
  [['board-review', 'roundtable', 'resolve', 'feed-back', 'notes'], 10],
  [['assign', 'refer', 'notes', 'resolve'], 10],
  [['board-review', 'notes', 'refer', 'resolve', 'feed-back', 'reopen', 'refer', 'assign', 'resolve', 'feed-back'], 8],
  [['withdraw'], 6],
  [[], 5],
  [['refer', 'notes', 'assign'], 12],
  [['board-review', 'roundtable', 'notes', 'withdraw'], 4],
  [['refer', 'assign', 'notes', 'resolve', 'feed-back', 'notes'], 12],
  [['board-review', 'assign', 'notes'], 8],
];
const TOPICS = [
  ['highways', 'Pothole on'],
  ['highways', 'Broken streetlight on'],
  ['waste', 'Fly-tipping behind'],
  ['parking', 'Cars parked on the verge of'],
  ['environment', 'Overgrown hedge on'],
  ['parks', 'Broken bench in the park off'],
] as const;
const STREETS = ['Castle Street', 'Church Lane', 'Station Road', 'High Street', 'Mill Lane', 'Victoria Road', 'The Green', 'Bath Road'];
const CHANNELS = ['online', 'email', 'phone', 'letter', 'meeting'] as const;
const NAMES = ['Ada Resident', 'Bill Walker', 'Chloe Patel', 'Dai Jones', 'Eve Marsh', 'Femi Okafor'];
const PROVIDERS = ['Wiltshire Highways', 'Waste Services', 'Town Council', 'Parking Services'];
const DAY_MS = 86_400_000;
// Logged from 2019 to 2024: a council's records before the system, every path ends in the past.
const FIRST_LOGGED = Date.parse('2019-01-02T08:00:00Z');
const LOGGED_SPAN_MS = Date.parse('2024-12-01T08:00:00Z') - FIRST_LOGGED;

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A JSON Lines import file of `issues` realistic historic issues, the same for the same seed. */
export function generateImportFile(issues: number, seed: number): { text: string; transitions: number } {
  const random = new SeededRandom(seed);
  const areas = loadAreas(undefined);
  const lines: string[] = [];
  let transitions = 0;
  for (let index = 0; index < issues; index++) {
    let at = FIRST_LOGGED + Math.floor((index / issues) * LOGGED_SPAN_MS + random.next() * DAY_MS);
    const loggedAt = at;
    const [category, title] = random.pick(TOPICS);
    const street = random.pick(STREETS);
    const name = random.pick(NAMES);
    const bodies: Record<IssueCommandName, () => Record<string, unknown>> = {
      refer: () => ({ serviceProvider: random.pick(PROVIDERS), ...(random.next() < 0.3 && { note: 'Reported twice this month.' }) }),
      'board-review': () => ({ meetingDate: day(loggedAt + 14 * DAY_MS), report: `Residents of ${street} ask the board to act.` }),
      roundtable: () => ({ date: day(loggedAt + 21 * DAY_MS), participants: ['Cllr Smith', random.pick(PROVIDERS)] }),
      resolve: () => ({ outcome: `Fixed by ${random.pick(PROVIDERS)}.` }),
      'feed-back': () => ({ message: 'We wrote to tell you it was fixed.', channel: random.pick(CHANNELS) }),
      reopen: () => ({ reason: 'The resident says it is back.' }),
      withdraw: () => ({ reason: 'The resident withdrew it.' }),
      assign: () => ({ officer: `officer-${random.int(1, 40)}`, dueBy: day(loggedAt + random.int(10, 60) * DAY_MS) }),
      notes: () => ({ text: `Spoke to the resident about ${street}.`, public: random.next() < 0.3 }),
      'await-resident': () => ({ question: `Which end of ${street} do you mean?` }),
      'resident-replied': () => ({ answer: 'The end by the church.' }),
      'record-confirmation': () => ({ confirmed: true, channel: 'phone' }),
    };
    const path = random.weighted(PATHS).map((command) => {
      at += random.int(1, 9) * DAY_MS + random.int(0, 8 * 3_600_000);
      return { command, occurredAt: new Date(at).toISOString(), ...bodies[command]() };
    });
    transitions += path.length;
    lines.push(
      JSON.stringify({
        issue: {
          title: `${title} ${street}`,
          description: `Reported by a resident of ${street}: case ${index + 1} of the old system.`,
          category,
          areaId: random.pick(areas).id,
          channel: random.pick(CHANNELS),
          location: { lat: 51 + random.next(), lng: -2.4 + random.next(), address: `${random.int(1, 200)} ${street}` },
          raisedBy: { name, ...(random.next() < 0.7 && { email: `${name.split(' ')[0].toLowerCase()}@example.org` }) },
          loggedAt: new Date(loggedAt).toISOString(),
        },
        transitions: path,
      }),
    );
  }
  return { text: lines.join('\n') + '\n', transitions };
}
