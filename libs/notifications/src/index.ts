export * from './messageKinds';
export * from './residentLinks';
export * from './templates/messageTemplates';
export * from './templates/dateInWords';
export * from './letters/letterPdf';
export * from './outbox';
