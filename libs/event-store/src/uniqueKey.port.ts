/**
 * Streams found by a key that names them for good (an issue's reference), taken in the same
 * transaction as an append (AppendOptions.uniqueKeys), so a key can never name two streams.
 */
export interface UniqueKeyStore {
  streamOf(scope: string, key: string): Promise<string | undefined>;
}
