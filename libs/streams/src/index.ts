export * from './issueStream';
export * from './areaStream';
export * from './meetingStream';
