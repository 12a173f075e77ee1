import { allowedCommands, type DeadlineView, type Issue, isPlainPersonalData } from '@app/lifecycle';
import { ERASED_PERSONAL } from '@app/personal-data';
import type { IssueView } from './issueView.dto';

/**
 * The contract's view of an issue whose personal data has been revealed (IssueViewRenderer):
 * anything not in plaintext by now (sealed, erased) shows as "[erased]", never as ciphertext.
 * `deadlines` are worked out by the renderer, which knows the policy and the day.
 */
export function toIssueView(id: string, issue: Issue, deadlines: readonly DeadlineView[]): IssueView {
  const { location } = issue;
  const personal = isPlainPersonalData(issue.personal) ? issue.personal : ERASED_PERSONAL;
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
    allowedCommands: allowedCommands(issue),
    workflowVersion: issue.workflowVersion,
    policyVersion: issue.policyVersion,
    deadlines: deadlines.map((deadline) => ({ ...deadline })),
  };
}
