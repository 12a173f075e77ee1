export * from './serviceLevelRegistry';
export * from './policyFile';
export * from './policyStream';
export * from './storedServiceLevels';
