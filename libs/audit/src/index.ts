export * from './auditKeys';
