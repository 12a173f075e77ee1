import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { type Area, boundaryOf } from '../config/areas';

/**
 * The area board whose boundary holds the point (a point on a shared edge goes to the first
 * in the areas file). Undefined when no boundary holds it, or no area has a boundary at all.
 */
export function areaAt(areas: readonly Area[], point: { readonly lat: number; readonly lng: number }): Area | undefined {
  return areas.find((area) => {
    const boundary = boundaryOf(area);
    return boundary !== undefined && booleanPointInPolygon([point.lng, point.lat], boundary);
  });
}

/** The area an `attribute[area]` names: by its id, or by its code in any case (FixMyStreet sends what staff typed). */
export function areaNamed(areas: readonly Area[], name: string): Area | undefined {
  return areas.find((area) => area.id === name) ?? areas.find((area) => area.code === name.toUpperCase());
}
