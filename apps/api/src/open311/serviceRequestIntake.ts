import type { Area } from '../config/areas';
import { areaAt, areaNamed } from './areaLocator';
import { attributesOf, coordinate, type FormBody, textField, textValues } from './formFields';
import { AREA_ATTRIBUTE, type Open311Service, serviceNamed } from './open311Services';

/** Why a POST requests cannot become an intake: the spec's error code and its description. */
export interface IntakeProblem {
  readonly code: 400 | 404;
  readonly description: string;
}

/** The POST /issues body a GeoReport v2 request amounts to (validated afterwards by the intake's own rules). */
export interface IntakeBody {
  readonly title: string;
  readonly description: string;
  readonly category: string;
  readonly areaId: string;
  readonly channel: 'online';
  readonly location?: { readonly lat: number; readonly lng: number; readonly address?: string };
  readonly raisedBy: { readonly name: string; readonly email?: string; readonly phone?: string };
}

export type IntakeReading = { readonly ok: true; readonly service: Open311Service; readonly body: IntakeBody } | { readonly ok: false; readonly problem: IntakeProblem };

const TITLE_MAX = 80;
/** The name raisedBy carries when a client sends neither first_name nor last_name. */
export const UNNAMED_RESIDENT = 'Anonymous';

/**
 * Reads a GeoReport v2 "POST Service Request" into an intake: the service is the category,
 * the area is `attribute[area]` if given, else the board whose boundary holds lat/long. The
 * resident's name, email, phone and any address go only where the intake keeps personal data
 * (raisedBy, location.address: sealed); an address with no lat/long is kept in the staff-only
 * description, since the intake has no other place for a location without coordinates.
 */
export function readServiceRequest(form: FormBody, areas: readonly Area[]): IntakeReading {
  const fail = (code: 400 | 404, description: string): IntakeReading => ({ ok: false, problem: { code, description } });
  const fields: Record<string, string | undefined> = {};
  for (const name of ['service_code', 'lat', 'long', 'address_string', 'address_id', 'description', 'email', 'first_name', 'last_name', 'phone']) {
    const field = textField(form, name);
    if (!field.ok) return fail(400, field.problem);
    fields[name] = field.value;
  }
  if (fields.service_code === undefined) return fail(400, 'service_code is required');
  const service = serviceNamed(fields.service_code);
  if (!service) return fail(404, `service_code ${fields.service_code} is not a service of services.xml`);

  if ((fields.lat === undefined) !== (fields.long === undefined)) return fail(400, 'lat and long must be given together');
  let point: { lat: number; lng: number } | undefined;
  if (fields.lat !== undefined && fields.long !== undefined) {
    const lat = coordinate(fields.lat, 'lat', 90);
    if (!lat.ok) return fail(400, lat.problem);
    const lng = coordinate(fields.long, 'long', 180);
    if (!lng.ok) return fail(400, lng.problem);
    point = { lat: lat.value, lng: lng.value };
  } else if (fields.address_string === undefined && fields.address_id === undefined) {
    return fail(400, 'a location is required: lat and long, address_string or address_id');
  }

  const named = attributesOf(form)[AREA_ATTRIBUTE];
  if (named !== undefined && typeof named !== 'string') return fail(400, `attribute[${AREA_ATTRIBUTE}] must be given once, as text`);
  let area: Area | undefined;
  if (named !== undefined && named.trim() !== '') {
    area = areaNamed(areas, named.trim());
    if (!area) return fail(400, `attribute[${AREA_ATTRIBUTE}] ${named.trim()} is not an area of services/${service.service_code}.xml`);
  } else {
    area = point && areaAt(areas, point);
    if (!area) {
      return fail(400, point ? 'no area board serves this location: give attribute[area]' : 'the area cannot be found from address_string or address_id: give lat and long, or attribute[area]');
    }
  }

  const media = textValues(form, 'media_url');
  if (media === undefined) return fail(400, 'media_url must be text');
  const given = fields.description ?? service.service_name;
  const description = [
    given,
    ...(fields.address_string !== undefined && !point ? [`Location as given: ${fields.address_string}`] : []),
    ...media.map((url) => `Photo: ${url}`),
  ].join('\n\n');
  const name = [fields.first_name, fields.last_name].filter((part) => part !== undefined).join(' ');

  return {
    ok: true,
    service,
    body: {
      title: titleOf(given, service.service_name),
      description,
      category: service.service_code,
      areaId: area.id,
      channel: 'online',
      ...(point && { location: { ...point, ...(fields.address_string !== undefined && { address: fields.address_string }) } }),
      raisedBy: {
        name: name === '' ? UNNAMED_RESIDENT : name,
        ...(fields.email !== undefined && { email: fields.email }),
        ...(fields.phone !== undefined && { phone: fields.phone }),
      },
    },
  };
}

/**
 * A title from the description's first line (FixMyStreet's `title: ...` label dropped), cut at
 * a word near 80 characters; the service's name when the line is too short to say anything.
 */
export function titleOf(description: string, serviceName: string): string {
  const firstLine = description.split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const line = firstLine.replace(/^\s*title:\s*/i, '').replace(/\s+/g, ' ').trim();
  const characters = Array.from(line);
  if (characters.length < 3) return serviceName;
  if (characters.length <= TITLE_MAX) return line;
  const cut = characters.slice(0, TITLE_MAX - 1).join('');
  const space = cut.lastIndexOf(' ');
  return `${(space >= TITLE_MAX / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
