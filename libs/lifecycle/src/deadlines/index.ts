export * from './deadlineClock';
export * from './serviceLevelPolicy';
export * from './londonDay';
export * from './workingCalendar';
export * from './deadlineOf';
export * from './servicePolicyChecks';
