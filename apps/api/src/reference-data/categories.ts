/** The categories an issue can be raised under (GET /categories). */
export const CATEGORIES = [
  'highways',
  'transport',
  'parking',
  'waste',
  'environment',
  'parks',
  'planning',
  'housing',
  'community-safety',
  'health',
  'education',
  'leisure',
  'other',
] as const;
