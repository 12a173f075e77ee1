import { loadAreas } from '../config/areas';
import { boundaryProblems } from '../config/areaBoundary';
import { areaAt, areaNamed } from './areaLocator';

const areas = loadAreas(undefined);

describe('finding the area board of a location (point in polygon)', () => {
  it.each([
    ['Castle Street, Trowbridge', 51.3192, -2.2083, 'trowbridge'],
    ['Market Place, Devizes', 51.3516, -1.9945, 'devizes'],
    ['the Close, Salisbury', 51.0648, -1.7971, 'salisbury'],
    ['Cricklade, the second polygon of a MultiPolygon', 51.6405, -1.8569, 'royal-wootton-bassett'],
    ['Royal Wootton Bassett, its first polygon', 51.5393, -1.9033, 'royal-wootton-bassett'],
  ])('given %s, then its board', (_, lat, lng, id) => {
    expect(areaAt(areas, { lat, lng })?.id).toBe(id);
  });

  it('given a point outside every boundary (London), then none', () => {
    expect(areaAt(areas, { lat: 51.5074, lng: -0.1278 })).toBeUndefined();
  });

  it('given areas without boundaries, then none, wherever the point is', () => {
    expect(areaAt(areas.map(({ id, code, name }) => ({ id, code, name })), { lat: 51.3192, lng: -2.2083 })).toBeUndefined();
  });

  it('names an area by its id, or by its code in any case', () => {
    expect(areaNamed(areas, 'calne')?.id).toBe('calne');
    expect(areaNamed(areas, 'caln')?.id).toBe('calne');
    expect(areaNamed(areas, 'CALN')?.id).toBe('calne');
    expect(areaNamed(areas, 'atlantis')).toBeUndefined();
  });

  it('keeps boundaries out of the areas themselves, so GET /areas still lists id, code and name', () => {
    expect(Object.keys(areas[0])).toEqual(['id', 'code', 'name']);
  });
});

describe('an area boundary in the areas file', () => {
  const square = [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 0],
  ];
  it('accepts a closed Polygon and a MultiPolygon', () => {
    expect(boundaryProblems({ type: 'Polygon', coordinates: [square] }, 'b')).toEqual([]);
    expect(boundaryProblems({ type: 'MultiPolygon', coordinates: [[square], [square]] }, 'b')).toEqual([]);
  });

  it.each([
    ['a Point', { type: 'Point', coordinates: [0, 0] }, 'b.type must be Polygon or MultiPolygon'],
    ['an open ring', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 1]]] }, 'b.coordinates[0] must be closed'],
    ['too few positions', { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [0, 0]]] }, 'at least 4 positions'],
    ['latitude off the globe', { type: 'Polygon', coordinates: [[[0, 0], [1, 95], [1, 1], [0, 0]]] }, 'b.coordinates[0][1] must be [longitude'],
    ['an empty MultiPolygon', { type: 'MultiPolygon', coordinates: [] }, 'non-empty array of polygons'],
    ['not an object', 'Trowbridge', 'GeoJSON Polygon or MultiPolygon object'],
  ])('refuses %s, naming where', (_, boundary, problem) => {
    expect(boundaryProblems(boundary, 'b').join('; ')).toContain(problem);
  });
});
