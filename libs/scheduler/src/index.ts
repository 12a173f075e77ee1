export * from './deadlineScheduler';
export * from './deadlineEventIds';
export * from './dueIssues';
