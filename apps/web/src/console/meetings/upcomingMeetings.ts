import { useEffect, useState } from 'preact/hooks';
import type { ApiClient } from '../../shared/api';
import type { Meeting, MeetingList } from '../../shared/contract';
import { todayInUtc } from './meetingWords';

/** An area's meetings from today on, soonest first. */
export async function upcomingMeetings(api: ApiClient, areaId: string, now: Date = new Date()): Promise<readonly Meeting[]> {
  return (await api.get<MeetingList>(`/areas/${encodeURIComponent(areaId)}/meetings`, { from: todayInUtc(now) })).items;
}

/** Several areas' upcoming meetings, merged soonest first. */
export async function upcomingMeetingsOf(api: ApiClient, areaIds: readonly string[]): Promise<Meeting[]> {
  const lists = await Promise.all(areaIds.map((areaId) => upcomingMeetings(api, areaId)));
  return lists.flat().sort((a, b) => startOf(a).localeCompare(startOf(b)) || a.id.localeCompare(b.id));
}

/** A bare date starts at its midnight UTC, as the server orders them. */
const startOf = (meeting: Meeting) => (meeting.date.length === 10 ? `${meeting.date}T00:00:00.000Z` : meeting.date);

/**
 * The area's upcoming meetings while `wanted` (the board review form is open); null while they
 * are being read, or when they could not be (the form then asks for the date alone).
 */
export function useUpcomingMeetings(api: ApiClient, areaId: string | undefined, wanted: boolean): readonly Meeting[] | null {
  const [meetings, setMeetings] = useState<readonly Meeting[] | null>(null);
  useEffect(() => {
    if (!wanted || areaId === undefined) return;
    let current = true;
    upcomingMeetings(api, areaId).then(
      (found) => current && setMeetings(found),
      // Only a convenience: without it the form still takes a meeting date.
      () => current && setMeetings([]),
    );
    return () => {
      current = false;
    };
  }, [api, areaId, wanted]);
  return meetings;
}
