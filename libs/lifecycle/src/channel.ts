/** How a resident raised an issue, or how an outcome was fed back to them. */
export const CHANNELS = ['online', 'email', 'phone', 'letter', 'meeting'] as const;
export type Channel = (typeof CHANNELS)[number];
