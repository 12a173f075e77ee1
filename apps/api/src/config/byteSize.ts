const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 ** 2, gb: 1024 ** 3 };
const SIZE = /^(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?$/i;

/**
 * A size as operators write it for body limits (`50mb`, `512kb`, `1048576`), in bytes; the
 * units are Express's own (1 kb = 1024 bytes). Undefined for anything else.
 */
export function parseByteSize(raw: string): number | undefined {
  const match = SIZE.exec(raw.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * UNITS[(match[2] ?? '').toLowerCase()]);
  return bytes > 0 ? bytes : undefined;
}
