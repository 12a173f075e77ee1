import type { LocationProblem } from '../shared/i18n/words';
import type { Point } from './reportFields';

/*
 * The resident's current position from the browser (the Geolocation API, asked only when they
 * press "Use my current location"), or why there is none: refused, not found, too slow, or a
 * browser that cannot tell (the page says which in its language). The form stays usable whatever happens.
 */

export type Located = { readonly ok: true; readonly point: Point; readonly accuracy: number } | { readonly ok: false; readonly problem: LocationProblem };

/** How long to wait for a fix before saying so. */
const TIMEOUT_MS = 20_000;

function problemOf(error: GeolocationPositionError): LocationProblem {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return 'denied';
    case error.TIMEOUT:
      return 'timeout';
    default:
      return 'unavailable';
  }
}

export function currentPosition(): Promise<Located> {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, problem: 'unsupported' });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, point: { lat: position.coords.latitude, lng: position.coords.longitude }, accuracy: position.coords.accuracy }),
      (error) => resolve({ ok: false, problem: problemOf(error) }),
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}
