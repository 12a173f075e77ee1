export * from './decideMeeting';
export * from './evolveMeeting';
export * from './meetingAuthorization';
export * from './meetingCommands';
export * from './meetingDate';
export * from './meetingEvents';
export { checkMinutes, checkSchedule } from './meetingRules';
