/** A valid import line as plain JSON values; override what a test is about. */
export const sampleImportLine = (overrides: Record<string, unknown> = {}, issueOverrides: Record<string, unknown> = {}) => ({
  issue: {
    title: 'Broken street light on Bond Street',
    description: 'The light outside number 3 has been out for a month.',
    category: 'highways',
    areaId: 'trowbridge',
    channel: 'letter',
    raisedBy: { name: 'Grace Resident', email: 'grace@example.org' },
    loggedAt: '2019-03-04T09:30:00.000Z',
    ...issueOverrides,
  },
  transitions: [
    { command: 'refer', occurredAt: '2019-03-05T10:00:00.000Z', serviceProvider: 'Street Lighting Ltd' },
    { command: 'resolve', occurredAt: '2019-03-20T16:00:00.000Z', outcome: 'Lamp replaced.' },
    { command: 'feed-back', occurredAt: '2019-03-21T09:00:00.000Z', message: 'The lamp was replaced.', channel: 'letter' },
  ],
  ...overrides,
});
