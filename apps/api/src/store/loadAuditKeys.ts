import { AuditKeys } from '@app/audit';
import type { Settings } from '../config/settings';

/** The audit keys the settings name: AUDIT_SIGNING_KEY, else the key generated into DATA_DIR. */
export const loadAuditKeys = (settings: Settings): AuditKeys =>
  AuditKeys.load({ keyFile: settings.auditSigningKeyFile, dataDir: settings.dataDir });
