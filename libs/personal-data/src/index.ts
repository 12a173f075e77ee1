export * from './erased';
export * from './personalDataVault';
export * from './revealStoredEvents';
export * from './sealing';
export * from './subjectLookup';
