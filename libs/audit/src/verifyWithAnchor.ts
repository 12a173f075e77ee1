import type { AuditSource } from '@app/event-store';
import type { Anchor } from './anchor/anchor';
import { checkAnchor } from './anchor/checkAnchor';
import type { AuditKeys } from './auditKeys';
import { headSealKeyOf } from './verify/headSealKey';
import type { VerifyReport } from './verify/violation';
import { verifyStore } from './verify/verifyStore';

/** What GET /audit/verify and `cli verify` run: the whole store, and the anchor when one is given. */
export async function runVerify(source: AuditSource, keys: AuditKeys, anchor?: Anchor): Promise<VerifyReport> {
  const report = await verifyStore(source, { headSealKey: headSealKeyOf(keys) });
  if (!anchor) return report;
  const anchorViolations = await checkAnchor(anchor, source, keys);
  const violations = [...report.violations, ...anchorViolations];
  return { ...report, ok: violations.length === 0, violations };
}
