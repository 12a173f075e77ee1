import { pointInWords } from './pointInWords';

describe('a point from the browser, in words', () => {
  it('gives latitude and longitude to five decimals, and how precise the browser says it is', () => {
    expect(pointInWords({ lat: 51.3192, lng: -2.2083 }, 12.4)).toBe('latitude 51.31920, longitude -2.20830 (to within about 12 metres)');
    expect(pointInWords({ lat: 51.3192, lng: -2.2083 }, 0.3)).toBe('latitude 51.31920, longitude -2.20830 (to within about 1 metre)');
    expect(pointInWords({ lat: 51.3192, lng: -2.2083 }, 2500)).toBe('latitude 51.31920, longitude -2.20830 (to within about 2.5 kilometres)');
  });

  it('leaves the precision out when the browser gives none', () => {
    expect(pointInWords({ lat: -33.8688, lng: 151.2093 }, null)).toBe('latitude -33.86880, longitude 151.20930');
    expect(pointInWords({ lat: 0, lng: 0 }, Number.NaN)).toBe('latitude 0.00000, longitude 0.00000');
  });
});
