import type { MeetingState } from '@app/lifecycle';
import type { MeetingView } from './meetingViews.dto';

/** A scheduled meeting's view (minutes only once published). */
export function meetingViewOf(id: string, state: MeetingState): MeetingView {
  if (state.areaId === null || state.date === null || state.venue === null) throw new Error(`meeting ${id} is not scheduled: it has no view`);
  return { id, areaId: state.areaId, date: state.date, venue: state.venue, ...(state.minutes && { minutes: { ...state.minutes } }) };
}
