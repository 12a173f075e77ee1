import { randomUUID } from 'node:crypto';
import type { NewEvent } from '@app/event-store';
import type { Channel, CommandName } from '@app/lifecycle';
import { history } from '@app/projections/testing/issueHistory';
import { streamIdOf, toNewEvent } from '@app/streams';
import { loadAreas } from '../../apps/api/src/config/areas';
import { SeededRandom } from './seededRandom';

/** One issue's whole history, ready to append in one go. */
export interface GeneratedIssue {
  readonly streamId: string;
  readonly reference: string;
  readonly events: NewEvent[];
}

/**
 * The commands after intake, with how common each path is. Every path is one the lifecycle
 * allows (history() asks `decide`, so a wrong one fails loudly); together they average about
 * six events per issue and leave issues in every status.
 */
const PATHS: ReadonlyArray<readonly [readonly CommandName[], number]> = [
  [['refer', 'assign', 'resolve', 'feed-back'], 18],
  [['board-review', 'roundtable', 'resolve', 'feed-back', 'notes'], 10],
  [['assign', 'refer', 'notes', 'resolve'], 10],
  [['board-review', 'notes', 'refer', 'resolve', 'feed-back', 'reopen', 'refer', 'assign', 'resolve', 'feed-back'], 6],
  [['withdraw'], 6],
  [['notes'], 6],
  [['refer', 'notes', 'assign'], 12],
  [['board-review', 'roundtable', 'notes', 'withdraw'], 4],
  [['refer', 'assign', 'notes', 'resolve', 'feed-back', 'notes', 'notes'], 12],
  [['board-review', 'assign', 'notes'], 6],
  [['refer', 'assign', 'notes', 'notes', 'resolve', 'feed-back', 'reopen', 'board-review', 'roundtable', 'resolve', 'feed-back'], 10],
];

/** About how many events an issue's history has, over PATHS' weights. */
export const EVENTS_PER_ISSUE = 6;

/** What residents raise: about one issue in eight mentions a pothole. */
const TOPICS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['highways', ['Pothole on', 'Cracked pavement on', 'Blocked drain on', 'Broken streetlight on']],
  ['highways', ['Deep pothole near', 'Potholes all along']],
  ['waste', ['Bins not emptied on', 'Fly-tipping behind', 'Overflowing litter bin on']],
  ['parking', ['Cars parked on the verge of', 'Blocked dropped kerb on']],
  ['transport', ['Bus stop shelter damaged on', 'Missing timetable at the stop on']],
  ['environment', ['Overgrown hedge on', 'Dog fouling along', 'Graffiti on the wall of']],
  ['parks', ['Broken bench in the park off', 'Play area gate broken near']],
  ['community-safety', ['Speeding traffic on', 'Antisocial behaviour near']],
  ['housing', ['Damp in council flats on']],
  ['leisure', ['Leisure centre hours cut near']],
  ['planning', ['Unauthorised building work on']],
  ['other', ['Noise at night on']],
];
const STREETS = ['Castle Street', 'Church Lane', 'Station Road', 'High Street', 'Mill Lane', 'Victoria Road', 'The Green', 'Bath Road', 'Market Place', 'Union Street'];
const CHANNELS: ReadonlyArray<readonly [Channel, number]> = [
  ['online', 40],
  ['email', 20],
  ['phone', 25],
  ['letter', 10],
  ['meeting', 5],
];
const NAMES = ['Ada Resident', 'Bill Walker', 'Chloe Patel', 'Dai Jones', 'Eve Marsh', 'Femi Okafor'];
const PROVIDERS = ['Wiltshire Highways', 'Waste Services', 'Town Council', 'Parking Services', 'Housing Team'];
const DAY_MS = 86_400_000;
// Issues are logged from June 2023 to July 2026, in store order, as a real store grows; every
// path ends well before the end of 2026.
const FIRST_LOGGED = Date.parse('2023-06-01T08:00:00Z');
const LOGGED_SPAN_MS = Date.parse('2026-07-01T08:00:00Z') - FIRST_LOGGED;

const provenance = (issueId: string) => ({ actor: { id: 'bench-generator', role: 'admin' as const }, correlationId: issueId, causationId: issueId });
const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Realistic issue histories, decided by the domain, the same for the same seed (ids aside). */
export class IssueHistories {
  private readonly random: SeededRandom;
  private readonly areas = loadAreas(undefined);
  private readonly sequences = new Map<string, number>();

  private issued = 0;

  /** `expectedIssues` spreads their logging dates over the span: a real store grows in time order. */
  constructor(
    seed: number,
    private readonly expectedIssues: number,
  ) {
    this.random = new SeededRandom(seed);
  }

  /** The next issue, its history cut to at most `maxEvents` (a prefix of a history is one too). */
  next(maxEvents = Number.POSITIVE_INFINITY): GeneratedIssue {
    const random = this.random;
    const issueId = randomUUID();
    const area = random.pick(this.areas);
    const slot = Math.min(this.issued++, this.expectedIssues - 1) / this.expectedIssues;
    let at = FIRST_LOGGED + Math.floor(slot * LOGGED_SPAN_MS + random.next() * DAY_MS);
    const year = new Date(at).getUTCFullYear();
    const sequenceKey = `${area.code}-${year}`;
    const sequence = (this.sequences.get(sequenceKey) ?? 0) + 1;
    this.sequences.set(sequenceKey, sequence);
    const reference = `${area.code}-${year}-${String(sequence).padStart(5, '0')}`;
    const [category, titles] = random.pick(TOPICS);
    const street = random.pick(STREETS);
    const name = random.pick(NAMES);

    const steps: Array<[CommandName, string]> = [['log', new Date(at).toISOString()]];
    for (const command of random.weighted(PATHS).slice(0, maxEvents - 1)) {
      at += random.int(1, 9) * DAY_MS + random.int(0, 8 * 3_600_000);
      steps.push([command, new Date(at).toISOString()]);
    }
    const loggedAt = Date.parse(steps[0][1]);
    const events = history(
      steps,
      {
        reference,
        title: `${random.pick(titles)} ${street}`,
        description: `Reported by a resident of ${street}, ${area.name.replace(/ Area Board$/, '')}: ${random.int(1, 200)} ${street}.`,
        category,
        areaId: area.id,
        channel: random.weighted(CHANNELS),
        location: { lat: 51 + random.next(), lng: -2.4 + random.next(), address: `${random.int(1, 200)} ${street}` },
        raisedBy: { name, ...(random.next() < 0.7 && { email: `${name.split(' ')[0].toLowerCase()}@example.org` }) },
      },
      {
        refer: { serviceProvider: random.pick(PROVIDERS), note: random.next() < 0.3 ? 'Reported twice this month.' : undefined },
        'board-review': { meetingDate: day(loggedAt + 14 * DAY_MS), report: `Residents of ${street} ask the board to act.` },
        roundtable: { date: day(loggedAt + 21 * DAY_MS), participants: ['Cllr Smith', random.pick(PROVIDERS)] },
        assign: { officer: `officer-${random.int(1, 40)}`, dueBy: day(loggedAt + random.int(10, 60) * DAY_MS) },
        notes: { text: `Spoke to the resident about ${street}.`, public: random.next() < 0.3 },
      },
    );
    return { streamId: streamIdOf(issueId), reference, events: events.map((event) => toNewEvent(event, provenance(issueId))) };
  }
}
