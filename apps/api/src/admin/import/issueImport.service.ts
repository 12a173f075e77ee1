import { randomUUID } from 'node:crypto';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import type { Clock } from '@app/event-store';
import { type Actor, NO_ISSUE } from '@app/lifecycle';
import type { ServiceLevelRegistry } from '@app/service-levels';
import type { Settings } from '../../config/settings';
import { ReferenceNumbers } from '../../issues/intake/referenceNumbers';
import { IssueRepository } from '../../issues/issueRepository';
import { CLOCK, SERVICE_LEVELS, SETTINGS } from '../../store/tokens';
import { decideImportedIssue } from './decideImportedIssue';
import { importedIssueId } from './importedIssueId';
import type { ImportSummary } from './importSummary';
import { ndjsonLines, type NumberedLine } from './ndjsonLines';
import { parseImportLine } from './parseImportLine';

/** Lines between two turns of the event loop: the store's calls resolve at once, and HTTP and projections must still get in. */
const LINES_PER_TURN = 50;

type LineOutcome = { readonly kind: 'imported'; readonly id: string; readonly reference: string } | { readonly kind: 'skipped' } | { readonly kind: 'rejected'; readonly message: string };

/**
 * Imports historic issues, one JSON line each, through the same checks as the HTTP commands:
 * the same body classes, the lifecycle's `decide` with the importing admin as actor, the same
 * append as intake. Each issue is all or nothing (one append of all its events), and a line
 * whose issue an earlier import stored is skipped, so importing a file twice imports it once.
 * Used by POST /admin/import and by `npm run cli -- import`.
 */
@Injectable()
export class IssueImport {
  constructor(
    private readonly issues: IssueRepository,
    private readonly references: ReferenceNumbers,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(SETTINGS) private readonly settings: Settings,
    @Inject(SERVICE_LEVELS) private readonly serviceLevels: ServiceLevelRegistry,
  ) {}

  /** `correlationId` is stamped on every event of the run, so the audit trail tells one import from another. */
  async run(text: string, actor: Actor, correlationId: string = randomUUID()): Promise<ImportSummary> {
    const summary: ImportSummary = { imported: 0, skipped: 0, rejected: [], issues: [] };
    let sinceTurn = 0;
    for (const line of ndjsonLines(text)) {
      const outcome = await this.importLine(line, actor, correlationId);
      if (outcome.kind === 'imported') {
        summary.imported += 1;
        summary.issues.push({ line: line.number, id: outcome.id, reference: outcome.reference });
      } else if (outcome.kind === 'skipped') {
        summary.skipped += 1;
      } else {
        summary.rejected.push({ line: line.number, message: outcome.message });
      }
      if (++sinceTurn === LINES_PER_TURN) {
        sinceTurn = 0;
        await nextTurn();
      }
    }
    return summary;
  }

  private async importLine({ text }: NumberedLine, actor: Actor, correlationId: string): Promise<LineOutcome> {
    const parsed = await parseImportLine(text);
    if (!parsed.ok) return rejected(parsed.error);
    const { line, content } = parsed.value;
    const id = importedIssueId(content);
    // Before anything is allocated: a line imported before spends nothing the second time.
    if ((await this.issues.load(id)).status !== 'none') return { kind: 'skipped' };
    const area = this.settings.areas.find((candidate) => candidate.id === line.issue.areaId);
    if (!area) return rejected(`issue.areaId must be one of the areas of GET /areas, got ${line.issue.areaId}`);

    // As intake does: decide everything first, so a refused line spends no reference number;
    // then again with the reference, at the same instant, which can only succeed the same way.
    const context = { actor, now: this.clock.now(), policyVersion: this.serviceLevels.inForce.version };
    const trial = decideImportedIssue(line, '', context);
    if (!trial.ok) return rejected(trial.error);
    const reference = await this.references.allocate(area, trial.value[0].occurredAt);
    const decided = decideImportedIssue(line, reference, context);
    if (!decided.ok) return rejected(decided.error);

    const recorded = await this.issues.record(id, NO_ISSUE, decided.value, { actor, commandId: randomUUID(), correlationId }, HttpStatus.CREATED);
    if (recorded.ok) return { kind: 'imported', id, reference };
    // Another import of the same line got in between our check and our append: it is stored once.
    if (recorded.error.kind === 'version-conflict') return { kind: 'skipped' };
    if (recorded.error.kind === 'store-busy') return rejected('the event store was busy with another writer: nothing of this issue was stored; import the file again');
    return rejected(`not stored: ${recorded.error.kind}`);
  }
}

const rejected = (message: string): LineOutcome => ({ kind: 'rejected', message });
