/*
 * An address with no point. The contract's `location` needs lat and lng, so an address alone
 * goes into the description as its last paragraph, "Location as given: ...", as the Open311
 * intake does (apps/api/src/open311/serviceRequestIntake.ts): staff see it, the public tracker
 * does not (it shows the title only). Used by /report and the console's staff intake. Pure.
 */

export const LOCATION_AS_GIVEN = 'Location as given: ';

const length = (text: string) => Array.from(text).length;

/** The description with the address as its last paragraph. */
export function withAddress(description: string, address: string): string {
  return `${description.trimEnd()}\n\n${LOCATION_AS_GIVEN}${address}`;
}

/** What to say when they do not fit: the room left for the description, and its length now. */
export type RoomProblemWords = (room: number, has: number) => string;

const ENGLISH_ROOM_PROBLEM: RoomProblemWords = (room, has) => `Description must be at most ${room} characters when the address is added to it (it has ${has}): shorten one of them`;

/** Why the description and the address together do not fit in `max` characters; null when they do. */
export function addressRoomProblem(description: string, address: string, max: number, say: RoomProblemWords = ENGLISH_ROOM_PROBLEM): string | null {
  const combined = length(withAddress(description, address));
  if (combined <= max) return null;
  const room = max - (combined - length(description.trimEnd()));
  return say(room, length(description.trimEnd()));
}
