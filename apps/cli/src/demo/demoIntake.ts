import type { Channel } from '@app/lifecycle';
import type { Area } from '../../../api/src/config/areas';
import { AREA_PROFILES, townOf } from './demoAreas';
import { addMinutes, foldIntoHours, previousMeeting, weekdayAtOrBefore } from './demoCalendar';
import type { DemoIntake } from './demoIssue';
import { type Category, CATEGORY_TEXTS, FIRST_NAMES, LAST_NAMES, STREETS } from './demoTexts';
import type { Prng } from './prng';

/** How residents reach the council (the share of each channel in a typical year). */
export const CHANNEL_WEIGHTS: Readonly<Record<Channel, number>> = { online: 45, email: 20, phone: 20, letter: 5, meeting: 10 };

export interface DraftIssue {
  readonly loggedAt: Date;
  readonly areaIndex: number;
  readonly intake: DemoIntake;
  /** The resident's first name, for the feedback message. */
  readonly firstName: string;
}

/** One issue as raised in [from, to), never later than 10 minutes before `now`. */
export function draftIssue(rng: Prng, areas: readonly Area[], from: Date, to: Date, now: Date): DraftIssue {
  const drawnAt = new Date(from.getTime() + rng.next() * (to.getTime() - from.getTime()));
  const channel = rng.weighted(CHANNEL_WEIGHTS);
  const areaId = rng.weighted(Object.fromEntries(areas.map((area) => [area.id, AREA_PROFILES[area.id]?.weight ?? 1])));
  const areaIndex = areas.findIndex((area) => area.id === areaId);
  const earlier = rng.next();
  let loggedAt = timeFor(channel, drawnAt, areaIndex);
  if (loggedAt.getTime() > now.getTime() - 10 * 60_000) loggedAt = addMinutes(now, -10 - earlier * 120);

  const category = rng.weighted(seasonalWeights(loggedAt));
  const texts = CATEGORY_TEXTS[category];
  const street = rng.pick(STREETS);
  const firstName = rng.pick(FIRST_NAMES);
  const lastName = rng.pick(LAST_NAMES);
  const houseNumber = rng.int(1, 120);
  const hasLocation = rng.chance(channel === 'online' ? 0.7 : 0.3);
  const [dLat, dLng] = [rng.between(-0.01, 0.01), rng.between(-0.015, 0.015)];
  const area = areas[areaIndex];
  const town = townOf(area);
  const centre = AREA_PROFILES[area.id]?.centre;

  const intake: DemoIntake = {
    title: rng.pick(texts.titles).replace('{street}', street),
    description: `${rng.pick(texts.details)} It is near ${street}, ${town}.`,
    category,
    areaId,
    channel,
    ...(hasLocation &&
      centre && {
        location: { lat: round(centre.lat + dLat, 5), lng: round(centre.lng + dLng, 5), address: `${houseNumber} ${street}, ${town}` },
      }),
    raisedBy: {
      name: `${firstName} ${lastName}`,
      ...(['online', 'email'].includes(channel) && { email: `${firstName}.${lastName}${houseNumber}@example.org`.toLowerCase() }),
      // 01632 960xxx is Ofcom's range for drama: never a real line.
      ...(['phone', 'meeting'].includes(channel) && { phone: `01632 960${String(houseNumber % 1000).padStart(3, '0')}` }),
    },
  };
  return { loggedAt, areaIndex, intake, firstName };
}

/** When each channel's issues arrive: online and email at any waking hour, phone and letters in office hours, meetings in the evening. */
function timeFor(channel: Channel, at: Date, areaIndex: number): Date {
  switch (channel) {
    case 'online':
    case 'email':
      return foldIntoHours(at, 7, 23);
    case 'phone':
    case 'letter':
      return foldIntoHours(weekdayAtOrBefore(at), 9, 17);
    case 'meeting':
      // Raised at the area board's meeting, logged once it has ended.
      return addMinutes(previousMeeting(areaIndex, at), 150);
  }
}

/** Potholes and floods in winter, grass and parks in summer. */
function seasonalWeights(at: Date): Record<Category, number> {
  const month = at.getUTCMonth();
  const winter = month <= 2 || month >= 10;
  const summer = month >= 4 && month <= 7;
  const weights = Object.fromEntries(Object.entries(CATEGORY_TEXTS).map(([category, texts]) => [category, texts.weight])) as Record<Category, number>;
  if (winter) weights.highways *= 1.5;
  if (summer) {
    weights.environment *= 1.5;
    weights.parks *= 1.5;
  }
  return weights;
}

const round = (value: number, places: number) => Math.round(value * 10 ** places) / 10 ** places;
