import type { Point } from './reportFields';

/*
 * A point from the browser, said in words for the resident to check before sending (there is no
 * map: the pages must work with no internet, and no map tiles are bundled). Pure.
 */

/** `latitude 51.31920, longitude -2.20830 (to within about 12 metres)`: five decimals, about a metre. */
export function pointInWords(point: Point, accuracy: number | null): string {
  const where = `latitude ${point.lat.toFixed(5)}, longitude ${point.lng.toFixed(5)}`;
  if (accuracy === null || !Number.isFinite(accuracy) || accuracy <= 0) return where;
  const metres = Math.max(1, Math.round(accuracy));
  const within = accuracy >= 1000 ? `${(accuracy / 1000).toFixed(1)} kilometres` : metres === 1 ? '1 metre' : `${metres} metres`;
  return `${where} (to within about ${within})`;
}
