import type { PointWords } from '../shared/i18n/words';
import type { Point } from './reportFields';

/*
 * A point from the browser, said in words for the resident to check before sending (there is no
 * map: the pages must work with no internet, and no map tiles are bundled). Pure.
 */

export const ENGLISH_POINT_WORDS: PointWords = {
  where: (lat, lng) => `latitude ${lat}, longitude ${lng}`,
  within: (where, within) => `${where} (to within about ${within})`,
  metres: (metres) => (metres === 1 ? '1 metre' : `${metres} metres`),
  kilometres: (kilometres) => `${kilometres} kilometres`,
};

/** `latitude 51.31920, longitude -2.20830 (to within about 12 metres)`: five decimals, about a metre. */
export function pointInWords(point: Point, accuracy: number | null, say: PointWords = ENGLISH_POINT_WORDS): string {
  const where = say.where(point.lat.toFixed(5), point.lng.toFixed(5));
  if (accuracy === null || !Number.isFinite(accuracy) || accuracy <= 0) return where;
  const within = accuracy >= 1000 ? say.kilometres((accuracy / 1000).toFixed(1)) : say.metres(Math.max(1, Math.round(accuracy)));
  return say.within(where, within);
}
