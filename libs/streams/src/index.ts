export * from './issueStream';
export * from './areaStream';
