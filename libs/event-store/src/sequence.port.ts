/** Named counters that never hand out a number twice, even to concurrent callers. */
export interface SequenceStore {
  next(name: string): Promise<number>;
}
