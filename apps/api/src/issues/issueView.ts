import { allowedCommands, type Issue, type IssueCommandName } from '@app/lifecycle';

/** The issue read model of the contract (GET /issues/:id and every command's answer). */
export interface IssueView {
  id: string;
  reference: string;
  title: string;
  description: string;
  category: string;
  areaId: string;
  channel: string;
  status: string;
  version: number;
  loggedAt: string;
  updatedAt: string;
  raisedBy: { name: string; email?: string; phone?: string };
  location: { lat: number; lng: number; address?: string } | null;
  serviceProvider: string | null;
  officer: string | null;
  dueBy: string | null;
  outcome: string | null;
  resolvedAt: string | null;
  fedBackAt: string | null;
  allowedCommands: IssueCommandName[];
}

export function toIssueView(id: string, issue: Issue): IssueView {
  const { personal, location } = issue;
  return {
    id,
    reference: issue.reference,
    title: issue.title,
    description: issue.description,
    category: issue.category,
    areaId: issue.areaId,
    channel: issue.channel,
    status: issue.status,
    version: issue.version,
    loggedAt: issue.loggedAt,
    updatedAt: issue.updatedAt,
    raisedBy: { ...personal.raisedBy },
    location: location ? { ...location, ...(personal.address !== null && { address: personal.address }) } : null,
    serviceProvider: issue.serviceProvider,
    officer: issue.officer,
    dueBy: issue.dueBy,
    outcome: issue.outcome,
    resolvedAt: issue.resolvedAt,
    fedBackAt: issue.fedBackAt,
    allowedCommands: allowedCommands(issue.status),
  };
}
