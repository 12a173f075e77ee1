import type { Dialect, SqlExecutor } from '../db/readModelDb';
import type { IssueRow } from './issueRow';

export const ISSUE_COUNTS_TABLE = 'issue_counts';

/**
 * What the KPIs count of an issue. Each issue has exactly one `status` and one `channel`;
 * `boardReview`, `roundtable` (ever reached) and `firstFedBack` (a first feedback after the
 * first resolution: a days-to-feedback to measure) at most once, with the value ''; and
 * `firstResolved` once resolved, with the month of the first resolution as its value;
 * `confirmed` and `disputed` (the resident confirmed, or disputed, an outcome at least once) with ''.
 */
export type IssueFact = 'status' | 'channel' | 'boardReview' | 'roundtable' | 'firstResolved' | 'firstFedBack' | 'confirmed' | 'disputed';

/** An issue's counted columns, as the `issues` table holds them (months are the first 7 characters of the UTC instants). */
export interface CountedIssue {
  readonly status: string;
  readonly channel: string;
  readonly reachedBoardReview: boolean;
  readonly reachedRoundtable: boolean;
  readonly firstResolvedMonth: string | null;
  readonly firstFedBack: boolean;
  readonly confirmed: boolean;
  readonly disputed: boolean;
}

/** The facts the KPIs count of one issue: the one definition the aggregate and the row-level counts share. */
export function factsOf(issue: CountedIssue): Array<readonly [IssueFact, string]> {
  const facts: Array<readonly [IssueFact, string]> = [
    ['status', issue.status],
    ['channel', issue.channel],
  ];
  if (issue.reachedBoardReview) facts.push(['boardReview', '']);
  if (issue.reachedRoundtable) facts.push(['roundtable', '']);
  if (issue.firstResolvedMonth !== null) facts.push(['firstResolved', issue.firstResolvedMonth]);
  if (issue.firstFedBack) facts.push(['firstFedBack', '']);
  if (issue.confirmed) facts.push(['confirmed', '']);
  if (issue.disputed) facts.push(['disputed', '']);
  return facts;
}

/**
 * The count aggregate beside `issues`: per area, month of loggedAt and fact, how many issues
 * have it. Its size is bounded by areas × months × the facts' values, not by the number of
 * issues, so the KPIs over whole months read a few rows per area and month instead of every
 * issue. Written in the projection's transaction, so it always agrees with the rows; a count
 * that reaches 0 is deleted, so the table is a function of the rows alone (a rebuild, whatever
 * its pages, gives the same rows as a projection that followed live). On SQLite the table is
 * its primary key (WITHOUT ROWID): a count is read with its key, without a second lookup.
 */
export const issueCountsTableDdl = (table: string, dialect: Dialect) => `
CREATE TABLE ${table} (
  area_id      TEXT NOT NULL,
  logged_month TEXT NOT NULL,
  fact         TEXT NOT NULL,
  value        TEXT NOT NULL,
  n            BIGINT NOT NULL,
  PRIMARY KEY (area_id, logged_month, fact, value)
)${dialect === 'sqlite' ? ' WITHOUT ROWID' : ''};
-- The primary key serves an area's (or a few areas') counts; this index every area's, summed
-- per fact in its order, with no read of the table.
CREATE INDEX ${table}_facts ON ${table} (fact, value, logged_month, area_id, n);
`;

interface Delta {
  readonly key: readonly [areaId: string, loggedMonth: string, fact: IssueFact, value: string];
  n: number;
}

/**
 * A page's changes to the aggregate: each touched issue's facts as they were before the page
 * taken out, as they are after it put in, summed per key in memory so that a page writes each
 * key it changes once (a page of new issues logged in the same months writes a few keys, and
 * a note or an assignment changes nothing).
 */
export class IssueCountChanges {
  private readonly deltas = new Map<string, Delta>();

  /** `before` is the issue's row as the table held it before the page (undefined for a new issue). */
  replace(before: IssueRow | undefined, after: IssueRow): void {
    const [was, is] = [before ? countedKeysOf(before) : new Map<string, CountKey>(), countedKeysOf(after)];
    // Only what changed moves (a new status, a first resolution): the rest would cancel out.
    for (const [id, key] of was) if (!is.has(id)) this.add(id, key, -1);
    for (const [id, key] of is) if (!was.has(id)) this.add(id, key, 1);
  }

  async write(tx: SqlExecutor, table: string): Promise<void> {
    const where = 'area_id = $1 AND logged_month = $2 AND fact = $3 AND value = $4';
    for (const { key, n } of this.deltas.values()) {
      if (n > 0) {
        await tx.run(
          `INSERT INTO ${table} (area_id, logged_month, fact, value, n) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (area_id, logged_month, fact, value) DO UPDATE SET n = ${table}.n + excluded.n`,
          [...key, n],
        );
        continue;
      }
      if (n === 0) continue;
      // A count taken to exactly 0 goes; one that would go below 0 means the aggregate and the
      // rows disagree, which must fail the page (and roll it back) rather than be written.
      if ((await tx.run(`UPDATE ${table} SET n = n + $5 WHERE ${where} AND n > $6`, [...key, n, -n])) === 1) continue;
      if ((await tx.run(`DELETE FROM ${table} WHERE ${where} AND n = $5`, [...key, -n])) === 1) continue;
      throw new Error(`${table}: cannot take ${-n} from ${key.join(' / ')}: the count aggregate disagrees with the issues`);
    }
  }

  private add(id: string, key: CountKey, n: 1 | -1): void {
    const delta = this.deltas.get(id);
    if (delta) delta.n += n;
    else this.deltas.set(id, { key, n });
  }
}

type CountKey = Delta['key'];

/** The aggregate's keys a row counts in (by an id per key, to compare them). */
function countedKeysOf(row: IssueRow): Map<string, CountKey> {
  const { state } = row;
  const loggedMonth = state.loggedAt.slice(0, 7);
  const facts = factsOf({
    status: state.status,
    channel: state.channel,
    reachedBoardReview: row.reachedBoardReview,
    reachedRoundtable: row.reachedRoundtable,
    firstResolvedMonth: row.firstResolvedAt?.slice(0, 7) ?? null,
    // As issueColumns measures feed_back_days: only after a first resolution.
    firstFedBack: row.firstResolvedAt !== null && row.firstFedBackAt !== null,
    confirmed: row.firstConfirmedAt !== null,
    disputed: row.firstDisputedAt !== null,
  });
  return new Map(facts.map(([fact, value]) => [`${state.areaId}\u0000${loggedMonth}\u0000${fact}\u0000${value}`, [state.areaId, loggedMonth, fact, value] as const]));
}
