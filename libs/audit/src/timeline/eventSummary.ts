/** How long a summary's quoted text may run before it is cut (the table stays readable). */
export const SUMMARY_TEXT_LIMIT = 60;

type Fields = Readonly<Record<string, unknown>>;

/**
 * What an event says, in a few words for the replay table. Reads the data defensively (an old
 * or tampered event must still be shown) and never includes the resident's personal data:
 * a printed timeline travels further than the history it came from.
 */
export function summariseEvent(type: string, data: unknown): string {
  const fields: Fields = typeof data === 'object' && data !== null ? (data as Fields) : {};
  const text = (name: string) => shorten(fields[name]);
  switch (type) {
    case 'IssueLogged':
      return `${quoted(fields.title)} (${text('category')}) in ${text('areaId')} via ${text('channel')}`;
    case 'IssueReferred':
      return `to ${text('serviceProvider')}${fields.note ? `: ${quoted(fields.note)}` : ''}`;
    case 'BoardReviewScheduled':
      return `board meeting ${text('meetingDate')}${fields.meetingId ? ` (${text('meetingId')})` : ''}: ${quoted(fields.report)}`;
    case 'RoundtableConvened':
      return `on ${text('date')} with ${Array.isArray(fields.participants) ? shorten(fields.participants.join(', ')) : '?'}`;
    case 'IssueResolved':
      return `outcome ${quoted(fields.outcome)}`;
    case 'OutcomeFedBack':
      return `by ${text('channel')}: ${quoted(fields.message)}`;
    case 'IssueReopened':
    case 'IssueWithdrawn':
      return `reason ${quoted(fields.reason)}`;
    case 'OfficerAssigned':
      return `to ${text('officer')}, due by ${text('dueBy')}`;
    case 'NoteAdded':
      return `${fields.public === true ? 'public' : 'internal'} note ${quoted(fields.text)}`;
    case 'ScorecardChosen':
      return `${Array.isArray(fields.indicators) ? fields.indicators.length : '?'} indicators chosen on ${text('chosenAt')}`;
    case 'ScorecardFigureRecorded':
      return `${text('indicator')} for ${text('quarter')} = ${text('value')}`;
    case 'PersonalDataErased':
      return "the resident's personal data erased";
    case 'ResidentAsked':
      return `asked the resident ${quoted(fields.question)}`;
    case 'ResidentReplied':
      // Not the answer itself: the resident's own words may hold their personal data.
      return 'the resident replied';
    case 'OutcomeConfirmed':
      return `the resident confirmed the outcome (by ${text('channel')})`;
    case 'OutcomeDisputed':
      // Not the reason itself: the resident's own words may hold their personal data.
      return `the resident disputed the outcome (by ${text('channel')})`;
    case 'WorkflowUpgraded':
      return `moved from workflow version ${text('from')} to ${text('to')}`;
    case 'DeadlineMissed':
      return `missed the ${text('kind')} deadline (due ${text('dueAt')}, policy ${text('policyVersion')})`;
    case 'IssueEscalated':
      return `escalated to the ${fields.to === 'boardChair' ? 'board chair' : text('to')} (${text('kind')} deadline missed)`;
    default:
      return shorten(JSON.stringify(data) ?? '');
  }
}

function quoted(value: unknown): string {
  return typeof value === 'string' ? `"${shorten(value)}"` : shorten(value);
}

/** One line, at most SUMMARY_TEXT_LIMIT characters (an ellipsis marks a cut). */
function shorten(value: unknown): string {
  if (value === undefined || value === null) return '?';
  const line = (typeof value === 'string' ? value : JSON.stringify(value)).replace(/\s+/g, ' ').trim();
  // By code points, so a cut never splits a character in two.
  const characters = Array.from(line);
  return characters.length > SUMMARY_TEXT_LIMIT ? `${characters.slice(0, SUMMARY_TEXT_LIMIT - 1).join('')}…` : line;
}
