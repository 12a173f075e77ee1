import type { ModeSettings } from '../benchMode';
import { type BenchRow, emptyRow } from '../benchRow';

/** What the suite hands the HTTP part's process. */
export interface HttpPartArgs {
  readonly settings: ModeSettings['http'];
}

export type Route = 'intake' | 'note';
export type Server = 'app' | 'bare';
export type Load = 'max' | 'paced';

export const httpRowId = (server: Server, route: Route, load: Load) => `http:${server}:${route}:${load}`;

const ROUTE_LABELS: Record<Route, string> = { intake: 'intake (POST /issues)', note: 'a note (POST /issues/:id/notes)' };
const SERVER_LABELS: Record<Server, string> = { app: 'the app (built, SQLite)', bare: 'bare node:http + INSERT' };

/** A paced run's rate, and the share of the app's maximum it is. */
export interface Pace {
  readonly rate: number;
  readonly share: number;
}

export function httpRowLabel(server: Server, route: Route, load: Load, pace?: Pace): string {
  const paced = pace ? `${Math.round(pace.rate).toLocaleString('en-GB')}/s, ${Math.round(pace.share * 100)}% of the app's max` : "a share of the app's max";
  return `${SERVER_LABELS[server]}: ${ROUTE_LABELS[route]}, ${load === 'max' ? 'as fast as answered' : `paced at ${paced}`}`;
}

/** Every HTTP row, unmeasured: what the table shows when the part could not run. */
export function unmeasuredHttpRows(status: BenchRow['status'], note: string): BenchRow[] {
  const rows: BenchRow[] = [];
  for (const route of ['intake', 'note'] as const) {
    for (const load of ['max', 'paced'] as const) {
      for (const server of ['app', 'bare'] as const) {
        rows.push(
          emptyRow({ part: 'http', id: httpRowId(server, route, load), label: httpRowLabel(server, route, load), ours: server === 'app', status, unit: 'requests/s', note }),
        );
      }
    }
  }
  return rows;
}
