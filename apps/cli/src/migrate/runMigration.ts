import { join } from 'node:path';
import { runVerify } from '@app/audit';
import { systemClock } from '@app/event-store';
import { loadSettings } from '../../../api/src/config/settings';
import { loadAuditKeys } from '../../../api/src/store/loadAuditKeys';
import { openEventStore } from '../../../api/src/store/openEventStore';
import { compareStores } from './compareStores';
import { copyHistory } from './copyHistory';
import { type MigrationReport, migrationReportText } from './migrationReport';
import { openMigrationTarget, type TargetKind } from './openMigrationTarget';
import { SqliteMigrationSource } from './sqliteMigrationSource';

export interface MigrationRequest {
  readonly to: TargetKind;
  readonly pageSize: number;
  readonly json: boolean;
}

const secondsSince = (start: number) => (performance.now() - start) / 1000;

/**
 * Copies the SQLite store DATA_DIR holds into the target the API's settings name, then checks
 * the target with the auditors' verifier (with the audit keys the settings name, which must be
 * the ones the source's heads were sealed with) and against the source. Exit 0 only when both pass.
 */
export async function runMigration(request: MigrationRequest, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const settings = loadSettings(env);
  const started = performance.now();
  const source = new SqliteMigrationSource(join(settings.dataDir, 'events.db'));
  try {
    const identity = source.identity();
    const target = await openMigrationTarget(request.to, env);
    let copy;
    let copySeconds: number;
    try {
      const before = await target.open(identity);
      const total = source.eventCount();
      console.error(`migrate: ${identity.description} (${total} events) -> ${target.description}: ${before.eventsCopied} copied by earlier runs`);
      const copyStart = performance.now();
      let reported = copyStart;
      copy = await copyHistory(source, target, {
        pageSize: request.pageSize,
        onPage: (inTarget) => {
          if (performance.now() - reported < 1000) return;
          reported = performance.now();
          console.error(`  copied ${inTarget} of ${total} events`);
        },
      });
      copySeconds = secondsSince(copyStart);
      await target.finish();
    } finally {
      await target.close();
    }

    const keys = loadAuditKeys(settings);
    const store = await openEventStore({ ...settings, eventStore: request.to }, systemClock, keys);
    let verifySeconds: number;
    let report: MigrationReport;
    try {
      const verifyStart = performance.now();
      const verify = await runVerify(store.auditSource(), keys);
      verifySeconds = secondsSince(verifyStart);
      const compareStart = performance.now();
      const comparison = await compareStores(source, store, request.pageSize);
      report = {
        source: identity.description,
        target: request.to === 'postgres' ? `postgres schema "${settings.databaseSchema}"` : `eventstoredb ${settings.eventstoreUrl ?? ''}`,
        copy,
        seconds: { copy: copySeconds, verify: verifySeconds, compare: secondsSince(compareStart), total: secondsSince(started) },
        eventsPerSecond: copy.seconds.events > 0 ? Math.round(copy.eventsCopied / copy.seconds.events) : 0,
        verify,
        comparison,
        ok: verify.ok && comparison.ok,
      };
    } finally {
      await store.close();
    }
    const text = request.json ? JSON.stringify(report, null, 2) : migrationReportText(report);
    (report.ok ? console.log : console.error)(text);
    return report.ok ? 0 : 1;
  } finally {
    source.close();
  }
}
