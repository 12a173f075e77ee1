export * from './decideScorecard';
export * from './evolveScorecard';
export * from './indicators';
export * from './quarter';
export * from './scorecardAuthorization';
export * from './scorecardCommands';
export * from './scorecardEvents';
export * from './scorecardRules';
