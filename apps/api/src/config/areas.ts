import { readFileSync } from 'node:fs';
import bundledAreas from '../../../../config/areas.json';

/** An area board: staff are scoped to areas, references carry the area's code. */
export interface Area {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const CODE = /^[A-Z]{2,8}$/;

/** The bundled sample, or the AREAS_FILE an operator supplies; refused whole if any entry is wrong. */
export function loadAreas(file: string | undefined): Area[] {
  const source = file ?? 'the bundled config/areas.json';
  let raw: unknown = bundledAreas;
  if (file) {
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      throw new Error(`AREAS_FILE ${file} cannot be read as JSON: ${(error as Error).message}`);
    }
  }
  if (!Array.isArray(raw) || raw.length === 0) throw new Error(`${source} must be a non-empty JSON array of { id, code, name }`);
  const problems: string[] = [];
  raw.forEach((area: Partial<Area>, index) => {
    if (typeof area?.id !== 'string' || !ID.test(area.id)) problems.push(`[${index}].id must match ${ID}`);
    if (typeof area?.code !== 'string' || !CODE.test(area.code)) problems.push(`[${index}].code must be 2 to 8 capital letters`);
    if (typeof area?.name !== 'string' || area.name.trim() === '') problems.push(`[${index}].name must be a non-empty string`);
  });
  const duplicate = (key: 'id' | 'code') => raw.map((a: Area) => a[key]).filter((v: string, i: number, all: string[]) => all.indexOf(v) !== i);
  for (const key of ['id', 'code'] as const) {
    const repeated = duplicate(key);
    if (repeated.length > 0) problems.push(`${key} repeated: ${[...new Set(repeated)].join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  return (raw as Area[]).map(({ id, code, name }) => ({ id, code, name }));
}
