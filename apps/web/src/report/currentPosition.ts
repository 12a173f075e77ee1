import type { Point } from './reportFields';

/*
 * The resident's current position from the browser (the Geolocation API, asked only when they
 * press "Use my current location"), or in plain words why there is none: refused, not found,
 * too slow, or a browser that cannot tell. The form stays usable whatever happens.
 */

export type Located = { readonly ok: true; readonly point: Point; readonly accuracy: number } | { readonly ok: false; readonly problem: string };

const INSTEAD = 'You can give an address instead, or say where it is in the description.';

/** How long to wait for a fix before saying so. */
const TIMEOUT_MS = 20_000;

function problemOf(error: GeolocationPositionError): string {
  switch (error.code) {
    case error.PERMISSION_DENIED:
      return `Your location was not shared: this page was not allowed to use it. ${INSTEAD}`;
    case error.TIMEOUT:
      return `Finding your location took too long: try again. ${INSTEAD}`;
    default:
      return `Your location could not be found. ${INSTEAD}`;
  }
}

export function currentPosition(): Promise<Located> {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, problem: `This browser cannot share your location. ${INSTEAD}` });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ ok: true, point: { lat: position.coords.latitude, lng: position.coords.longitude }, accuracy: position.coords.accuracy }),
      (error) => resolve({ ok: false, problem: problemOf(error) }),
      { enableHighAccuracy: true, timeout: TIMEOUT_MS, maximumAge: 60_000 },
    );
  });
}
