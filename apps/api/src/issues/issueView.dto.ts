import type { IssueCommandName } from '@app/lifecycle';

export class RaisedByView {
  name: string;
  email?: string;
  phone?: string;
}

export class LocationView {
  lat: number;
  lng: number;
  /** The exact address: personal data. */
  address?: string;
}

/** The issue read model of the contract (GET /issues/:id and every command's answer). */
export class IssueView {
  id: string;
  /** `<AREA CODE>-<YYYY>-<NNNNN>`, e.g. TROW-2026-00042. */
  reference: string;
  title: string;
  description: string;
  category: string;
  areaId: string;
  channel: string;
  /** logged, referred, boardReview, roundtable, resolved, fedBack or withdrawn. */
  status: string;
  /** The number of events in the issue's stream: send it back as `expectedVersion`. */
  version: number;
  loggedAt: string;
  updatedAt: string;
  raisedBy: RaisedByView;
  location: LocationView | null;
  serviceProvider: string | null;
  officer: string | null;
  dueBy: string | null;
  outcome: string | null;
  resolvedAt: string | null;
  fedBackAt: string | null;
  /** The commands the issue's status allows, by their path names. */
  allowedCommands: IssueCommandName[];
}
