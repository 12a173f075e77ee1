import { Inject, Injectable } from '@nestjs/common';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import { deadlinesOf, ERASED_PERSONAL_DATA, foldIssue, type Issue, isPlainPersonalData, londonDay } from '@app/lifecycle';
import { PersonalDataVault } from '@app/personal-data';
import type { ServiceLevelRegistry } from '@app/service-levels';
import { streamIdOf, toIssueEvent } from '@app/streams';
import { CLOCK, EVENT_STORE, SERVICE_LEVELS } from '../store/tokens';
import type { IssueView } from './issueView.dto';
import { toIssueView } from './issueView';

/**
 * An issue view as it may be kept (a stored idempotent response): the issue's state with its
 * personal data still sealed, rendered only when served. A v1 issue's plaintext is withheld
 * and read again from its stream on replay, so no stored response holds plaintext at all.
 */
export interface StoredIssueView {
  readonly storedIssueView: 1;
  readonly id: string;
  readonly issue: Issue;
}

const WITHHELD = { withheld: true } as unknown as Issue['personal'];

/**
 * Renders issue views at the edge, a page at a time: personal data revealed through the vault,
 * and deadlines judged by the policy version each issue keeps, today unless asked of another day.
 */
@Injectable()
export class IssueViewRenderer {
  constructor(
    private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
    @Inject(SERVICE_LEVELS) private readonly serviceLevels: ServiceLevelRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** `asOf`: the instant its deadlines are judged at (now unless said: a past state is judged as it stood then). */
  async render(id: string, issue: Issue, asOf?: Date): Promise<IssueView> {
    return (await this.renderAll([{ id, issue }], asOf))[0];
  }

  /** One key lookup for the whole page, and the page's policy versions loaded once (another process may have adopted one since). */
  async renderAll(items: ReadonlyArray<{ readonly id: string; readonly issue: Issue }>, asOf: Date = this.clock.now()): Promise<IssueView[]> {
    const revealed = await this.vault.revealAll(items.map(({ issue }) => issue.personal));
    const versions = new Set(items.flatMap(({ issue }) => (issue.policyVersion === null ? [] : [issue.policyVersion])));
    if (versions.size > 0) await this.serviceLevels.ensureKnown(versions);
    const today = londonDay(asOf);
    return items.map(({ id, issue }, index) =>
      toIssueView(id, { ...issue, personal: revealed[index] }, deadlinesOf(issue, this.serviceLevels.rulesFor(issue), today)),
    );
  }

  toStored(id: string, issue: Issue): StoredIssueView {
    return { storedIssueView: 1, id, issue: isPlainPersonalData(issue.personal) ? { ...issue, personal: WITHHELD } : issue };
  }

  /** A stored response's body as served: an issue view rendered now (so "[erased]" once erased); anything else as stored. */
  async renderStored(body: unknown): Promise<unknown> {
    if (!isStoredIssueView(body)) return body;
    const { id } = body;
    const issue = withWorkflowDefaults(body.issue);
    if ((issue.personal as { withheld?: boolean }).withheld !== true) return this.render(id, issue);
    const current = foldIssue((await this.store.readStream(streamIdOf(id))).map(toIssueEvent));
    return this.render(id, { ...issue, personal: current.status === 'none' ? ERASED_PERSONAL_DATA : current.personal });
  }
}

/**
 * A response stored before workflow versions and deadlines lacks their fields: it was decided
 * under workflow version 1, with no policy and so no deadlines.
 */
function withWorkflowDefaults(issue: Issue): Issue {
  const stored: Partial<Issue> = issue;
  return {
    ...issue,
    workflowVersion: stored.workflowVersion ?? 1,
    resumeStatus: stored.resumeStatus ?? null,
    policyVersion: stored.policyVersion ?? null,
    deadlineClocks: stored.deadlineClocks ?? [],
    cycle: stored.cycle ?? 0,
  };
}

function isStoredIssueView(body: unknown): body is StoredIssueView {
  return typeof body === 'object' && body !== null && (body as StoredIssueView).storedIssueView === 1;
}
