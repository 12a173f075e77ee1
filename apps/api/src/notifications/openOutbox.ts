import type { AuditKeys } from '@app/audit';
import type { Clock, EventStoreAdapter } from '@app/event-store';
import {
  dateInWords,
  ensureOutboxTables,
  IssueMessageSource,
  loadMessageTemplates,
  mailDomainOf,
  MessageComposer,
  OutboxDispatcher,
  outboxProjection,
  ResidentLinks,
  SmtpMailer,
} from '@app/notifications';
import { PersonalDataVault, SUBJECT_LOOKUP_PURPOSE } from '@app/personal-data';
import type { Projection, ReadModelDb, RunnerLog } from '@app/projections';
import type { Settings } from '../config/settings';

/** The outbox of one process: its projection (run with the others), the dispatcher, and what writes messages and checks links. */
export interface Outbox {
  readonly projection: Projection;
  readonly dispatcher: OutboxDispatcher;
  readonly composer: MessageComposer;
  readonly links: ResidentLinks;
}

export interface OutboxParts {
  readonly settings: Settings;
  readonly store: EventStoreAdapter;
  readonly db: ReadModelDb;
  readonly clock: Clock;
  readonly auditKeys: AuditKeys;
  /** This process's name in leases. */
  readonly holder: string;
  readonly log?: RunnerLog;
}

/**
 * Builds the outbox for the API or a projector process: the same parts in both, so that
 * wherever the projections run, the notifications are recorded and sent the same way. The
 * templates are read and compiled here: a council's broken edit stops start-up, naming the file.
 */
export async function openOutbox(parts: OutboxParts): Promise<Outbox> {
  const { settings, store, db, clock, auditKeys, holder, log } = parts;
  const renderer = loadMessageTemplates(settings.templatesDir);
  const epoch = await ensureOutboxTables(db, clock.now());
  const vault = new PersonalDataVault(store, auditKeys.deriveSecret(SUBJECT_LOOKUP_PURPOSE), { now: () => clock.now() });
  const issues = new IssueMessageSource(store, vault);
  const links = new ResidentLinks(settings.jwtSecret);
  const composer = new MessageComposer({ issues, store, renderer, links, publicBaseUrl: settings.publicBaseUrl, dateInWords });
  const dispatcher = new OutboxDispatcher({
    db,
    clock,
    composer,
    mailer: settings.smtpUrl ? new SmtpMailer(settings.smtpUrl, settings.mailFrom) : null,
    mailDomain: mailDomainOf(settings.mailFrom),
    holder,
    pollMs: settings.outboxPollMs,
    leaseMs: settings.projectionLeaseMs,
    ...(log && { log }),
  });
  return { projection: outboxProjection({ issues, epoch }), dispatcher, composer, links };
}
