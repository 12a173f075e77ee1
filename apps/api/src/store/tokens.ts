/** Injection tokens for the ports the API depends on. */
export const EVENT_STORE = Symbol('EventStoreAdapter');
export const CLOCK = Symbol('Clock');
export const SETTINGS = Symbol('Settings');
export const READ_MODELS = Symbol('ReadModelDb');
export const PROJECTION_HOST = Symbol('ProjectionHost');
export const AUDIT_KEYS = Symbol('AuditKeys');
/** The service-level policies (libs/service-levels ServiceLevelRegistry): the one in force and every version adopted. */
export const SERVICE_LEVELS = Symbol('ServiceLevelRegistry');
