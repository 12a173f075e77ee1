/** Injection tokens for the ports the API depends on. */
export const EVENT_STORE = Symbol('EventStoreAdapter');
export const CLOCK = Symbol('Clock');
export const SETTINGS = Symbol('Settings');
export const READ_MODELS = Symbol('ReadModelDb');
export const PROJECTION_HOST = Symbol('ProjectionHost');
export const AUDIT_KEYS = Symbol('AuditKeys');
/** The residents' outbox (apps/api/src/notifications/openOutbox.ts): its projection, dispatcher, composer and link checker. */
export const OUTBOX = Symbol('Outbox');
/** The service-level policies (libs/service-levels ServiceLevelRegistry): the one in force and every version adopted. */
export const SERVICE_LEVELS = Symbol('ServiceLevelRegistry');
