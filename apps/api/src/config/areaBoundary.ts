import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Where an area board serves, as the areas file may give it: a GeoJSON Polygon or MultiPolygon (longitude, latitude; WGS 84). */
export type AreaBoundary = Polygon | MultiPolygon;

/**
 * The problems of an area's `boundary` (empty when it is a usable GeoJSON Polygon or
 * MultiPolygon): each ring closed, at least four positions, every position a [longitude,
 * latitude] pair on the globe. Point-in-polygon over anything less would answer nonsense.
 */
export function boundaryProblems(boundary: unknown, at: string): string[] {
  if (typeof boundary !== 'object' || boundary === null || Array.isArray(boundary)) return [`${at} must be a GeoJSON Polygon or MultiPolygon object`];
  const { type, coordinates } = boundary as { type?: unknown; coordinates?: unknown };
  if (type === 'Polygon') return polygonProblems(coordinates, `${at}.coordinates`);
  if (type === 'MultiPolygon') {
    if (!Array.isArray(coordinates) || coordinates.length === 0) return [`${at}.coordinates must be a non-empty array of polygons`];
    return coordinates.flatMap((polygon, index) => polygonProblems(polygon, `${at}.coordinates[${index}]`));
  }
  return [`${at}.type must be Polygon or MultiPolygon`];
}

function polygonProblems(rings: unknown, at: string): string[] {
  if (!Array.isArray(rings) || rings.length === 0) return [`${at} must be a non-empty array of linear rings`];
  return rings.flatMap((ring, index) => ringProblems(ring, `${at}[${index}]`));
}

function ringProblems(ring: unknown, at: string): string[] {
  if (!Array.isArray(ring) || ring.length < 4) return [`${at} must be a ring of at least 4 positions`];
  const bad = ring.findIndex((position) => !isPosition(position));
  if (bad >= 0) return [`${at}[${bad}] must be [longitude (-180 to 180), latitude (-90 to 90)]`];
  const [first, last] = [ring[0] as Position, ring[ring.length - 1] as Position];
  if (first[0] !== last[0] || first[1] !== last[1]) return [`${at} must be closed: its last position must repeat its first`];
  return [];
}

const isPosition = (value: unknown): value is Position =>
  Array.isArray(value) &&
  (value.length === 2 || value.length === 3) &&
  value.every((n) => typeof n === 'number' && Number.isFinite(n)) &&
  Math.abs(value[0] as number) <= 180 &&
  Math.abs(value[1] as number) <= 90;
