export * from './composeMessage';
export * from './issueForMessage';
export * from './mailer';
export * from './notificationRow';
export * from './outboxDispatcher';
export * from './outboxProjection';
export * from './outboxQueries';
export * from './outboxTables';
