import { readFileSync } from 'node:fs';

/** One Open311 client allowed to post: its API key and the name recorded on what it posts. */
export interface Open311Key {
  readonly key: string;
  readonly client: string;
}

/** OPEN311_KEYS_FILE: a JSON array of { key, client }; refused whole, naming each problem, if any entry is wrong. None: no keys. */
export function loadOpen311Keys(file: string | undefined): Open311Key[] {
  if (!file) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`OPEN311_KEYS_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
  }
  const source = `OPEN311_KEYS_FILE ${file}`;
  if (!Array.isArray(raw)) throw new Error(`${source} must be a JSON array of { "key", "client" }`);
  const problems: string[] = [];
  raw.forEach((entry: Partial<Open311Key> | null, index) => {
    if (typeof entry?.key !== 'string' || entry.key.length < 16 || !/^[\x21-\x7e]+$/.test(entry.key)) {
      problems.push(`[${index}].key must be at least 16 visible ASCII characters`);
    }
    if (typeof entry?.client !== 'string' || entry.client.trim() === '' || entry.client.length > 100) {
      problems.push(`[${index}].client must name the client in 1 to 100 characters`);
    }
  });
  const keys = raw.map((entry: Partial<Open311Key> | null) => entry?.key);
  if (keys.some((key, index) => keys.indexOf(key) !== index)) problems.push('a key is repeated');
  if (problems.length > 0) throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  return (raw as Open311Key[]).map(({ key, client }) => ({ key, client }));
}
