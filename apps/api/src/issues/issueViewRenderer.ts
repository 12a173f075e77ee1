import { Inject, Injectable } from '@nestjs/common';
import type { EventStoreAdapter } from '@app/event-store';
import { ERASED_PERSONAL_DATA, foldIssue, type Issue, isPlainPersonalData } from '@app/lifecycle';
import { PersonalDataVault } from '@app/personal-data';
import { streamIdOf, toIssueEvent } from '@app/streams';
import { EVENT_STORE } from '../store/tokens';
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

/** Renders issue views at the edge: personal data revealed through the vault, a page at a time. */
@Injectable()
export class IssueViewRenderer {
  constructor(
    private readonly vault: PersonalDataVault,
    @Inject(EVENT_STORE) private readonly store: EventStoreAdapter,
  ) {}

  async render(id: string, issue: Issue): Promise<IssueView> {
    return (await this.renderAll([{ id, issue }]))[0];
  }

  /** One key lookup for the whole page. */
  async renderAll(items: ReadonlyArray<{ readonly id: string; readonly issue: Issue }>): Promise<IssueView[]> {
    const revealed = await this.vault.revealAll(items.map(({ issue }) => issue.personal));
    return items.map(({ id, issue }, index) => toIssueView(id, { ...issue, personal: revealed[index] }));
  }

  toStored(id: string, issue: Issue): StoredIssueView {
    return { storedIssueView: 1, id, issue: isPlainPersonalData(issue.personal) ? { ...issue, personal: WITHHELD } : issue };
  }

  /** A stored response's body as served: an issue view rendered now (so "[erased]" once erased); anything else as stored. */
  async renderStored(body: unknown): Promise<unknown> {
    if (!isStoredIssueView(body)) return body;
    const { id, issue } = body;
    if ((issue.personal as { withheld?: boolean }).withheld !== true) return this.render(id, issue);
    const current = foldIssue((await this.store.readStream(streamIdOf(id))).map(toIssueEvent));
    return this.render(id, { ...issue, personal: current.status === 'none' ? ERASED_PERSONAL_DATA : current.personal });
  }
}

function isStoredIssueView(body: unknown): body is StoredIssueView {
  return typeof body === 'object' && body !== null && (body as StoredIssueView).storedIssueView === 1;
}
