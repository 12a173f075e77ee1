import { allowedCommands, type Issue } from '@app/lifecycle';
import type { IssueView } from './issueView.dto';

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
