import { parseIsoInstant } from '../isoInstant';

/** Which events an export covers, by `recordedAt`: from `from` (inclusive) up to `to` (exclusive). */
export interface ExportWindow {
  readonly from?: Date;
  readonly to?: Date;
}

export type ExportWindowResult = { readonly ok: true; readonly window: ExportWindow } | { readonly ok: false; readonly problems: string[] };

/** Reads `from` and `to` as given (query or CLI options); every problem is named at once. */
export function parseExportWindow(given: { readonly from?: string; readonly to?: string }): ExportWindowResult {
  const problems: string[] = [];
  const instant = (name: 'from' | 'to') => {
    const text = given[name];
    if (text === undefined) return undefined;
    const at = parseIsoInstant(text);
    if (!at) problems.push(`${name} must be an ISO 8601 date or date-time (2026-03-01, 2026-03-01T09:30:00Z), got ${text}`);
    return at;
  };
  const from = instant('from');
  const to = instant('to');
  if (from && to && from.getTime() >= to.getTime()) problems.push('from must be before to');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, window: { ...(from && { from }), ...(to && { to }) } };
}

export function inExportWindow(recordedAt: string, window: ExportWindow): boolean {
  const at = Date.parse(recordedAt);
  return (window.from === undefined || at >= window.from.getTime()) && (window.to === undefined || at < window.to.getTime());
}
