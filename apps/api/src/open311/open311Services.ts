import { CATEGORIES } from '../reference-data/categories';
import type { Area } from '../config/areas';

type Category = (typeof CATEGORIES)[number];

/** A GeoReport v2 service: one of our categories, as Open311 clients list it. */
export type Open311Service = {
  readonly service_code: string;
  readonly service_name: string;
  readonly description: string;
  /** True: the service has attributes, found at services/:code. */
  readonly metadata: boolean;
  /** Realtime: a POST answers the service_request_id at once (never a token to poll). */
  readonly type: 'realtime';
  readonly keywords: string;
  readonly group: string;
};

/** What residents read for each category in a reporting app. */
const WORDS: Record<Category, { name: string; description: string; keywords: string; group: string }> = {
  highways: { name: 'Roads and pavements', description: 'Potholes, damaged pavements, road signs, drainage and street lights on the highway.', keywords: 'pothole, pavement, road, sign, drain, gully', group: 'Streets and transport' },
  transport: { name: 'Public transport', description: 'Bus stops, shelters, timetables and community transport.', keywords: 'bus, bus stop, shelter, timetable', group: 'Streets and transport' },
  parking: { name: 'Parking', description: 'Parking problems, car parks, yellow lines and parking signs.', keywords: 'parking, car park, yellow lines', group: 'Streets and transport' },
  waste: { name: 'Waste and recycling', description: 'Missed collections, fly-tipping, litter bins and recycling points.', keywords: 'bin, rubbish, recycling, fly-tipping, litter', group: 'Environment' },
  environment: { name: 'Environment', description: 'Litter, graffiti, dog fouling, noise, trees and pollution.', keywords: 'litter, graffiti, dog fouling, noise, tree', group: 'Environment' },
  parks: { name: 'Parks and open spaces', description: 'Parks, play areas, grass cutting, footpaths and rights of way.', keywords: 'park, play area, grass, footpath, right of way', group: 'Environment' },
  planning: { name: 'Planning', description: 'Planning applications, building works and development in the area.', keywords: 'planning, building, development', group: 'Community' },
  housing: { name: 'Housing', description: 'Housing conditions, empty homes and homelessness.', keywords: 'housing, empty home, homelessness', group: 'Community' },
  'community-safety': { name: 'Community safety', description: 'Antisocial behaviour, speeding and feeling safe in the area.', keywords: 'antisocial behaviour, speeding, safety', group: 'Community' },
  health: { name: 'Health and wellbeing', description: 'Health, social care and wellbeing services in the area.', keywords: 'health, care, wellbeing', group: 'Community' },
  education: { name: 'Education and young people', description: 'Schools, school transport and services for young people.', keywords: 'school, young people, youth', group: 'Community' },
  leisure: { name: 'Leisure and culture', description: 'Leisure centres, libraries, events and culture.', keywords: 'leisure centre, library, event', group: 'Community' },
  other: { name: 'Other', description: 'Any other matter of local concern for the area board.', keywords: 'other, local concern', group: 'Community' },
};

/** Every category as a service. All have the optional `area` attribute, so metadata is true. */
export const OPEN311_SERVICES: readonly Open311Service[] = CATEGORIES.map((code) => ({
  service_code: code,
  service_name: WORDS[code].name,
  description: WORDS[code].description,
  metadata: true,
  type: 'realtime',
  keywords: WORDS[code].keywords,
  group: WORDS[code].group,
}));

export const serviceNamed = (code: string): Open311Service | undefined => OPEN311_SERVICES.find((service) => service.service_code === code);

/** The code of the one attribute every service takes: the area board, when the location cannot say. */
export const AREA_ATTRIBUTE = 'area';

/** A GeoReport v2 service definition (services/:code). */
export type Open311ServiceDefinition = {
  readonly service_code: string;
  readonly attributes: ReadonlyArray<{
    readonly variable: boolean;
    readonly code: string;
    readonly datatype: 'singlevaluelist';
    readonly required: boolean;
    readonly datatype_description: string;
    readonly order: number;
    readonly description: string;
    readonly values: ReadonlyArray<{ readonly key: string; readonly name: string }>;
  }>;
};

/** The definition of a service: its one optional attribute, the area board (keys are the ids of GET /areas). */
export function serviceDefinition(service: Open311Service, areas: readonly Area[]): Open311ServiceDefinition {
  return {
    service_code: service.service_code,
    attributes: [
      {
        variable: true,
        code: AREA_ATTRIBUTE,
        datatype: 'singlevaluelist',
        required: false,
        datatype_description: 'Leave empty to have the area board found from lat and long.',
        order: 1,
        description: 'Which area board should consider this?',
        values: areas.map((area) => ({ key: area.id, name: area.name })),
      },
    ],
  };
}
