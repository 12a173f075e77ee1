import { readFileSync } from 'node:fs';
import bundledAreas from '../../../../config/areas.json';
import { type AreaBoundary, boundaryProblems } from './areaBoundary';

/** An area board: staff are scoped to areas, references carry the area's code. */
export interface Area {
  readonly id: string;
  readonly code: string;
  readonly name: string;
}

/**
 * Each area's optional `boundary` (AREAS_FILE), kept beside the Area rather than in it so that
 * GET /areas and everything else handed an Area still see exactly { id, code, name }.
 */
const boundaries = new WeakMap<Area, AreaBoundary>();

/** Where the area serves, if its file gave a boundary (Open311 finds a request's area by it). */
export const boundaryOf = (area: Area): AreaBoundary | undefined => boundaries.get(area);

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
    const { boundary } = (area ?? {}) as { boundary?: unknown };
    if (boundary !== undefined) problems.push(...boundaryProblems(boundary, `[${index}].boundary`));
  });
  const duplicate = (key: 'id' | 'code') => raw.map((a: Area) => a[key]).filter((v: string, i: number, all: string[]) => all.indexOf(v) !== i);
  for (const key of ['id', 'code'] as const) {
    const repeated = duplicate(key);
    if (repeated.length > 0) problems.push(`${key} repeated: ${[...new Set(repeated)].join(', ')}`);
  }
  if (problems.length > 0) throw new Error(`${source} is invalid: ${problems.join('; ')}`);
  return (raw as Array<Area & { boundary?: AreaBoundary }>).map(({ id, code, name, boundary }) => {
    const area: Area = { id, code, name };
    if (boundary !== undefined) boundaries.set(area, boundary);
    return area;
  });
}
