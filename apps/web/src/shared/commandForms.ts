import type { CommandName } from './contract';
import { checkForm, type FieldSpec, type FieldValues, type FormCheck, NO, YES } from './formFields';
import { CHANNEL_LABELS, CHANNELS } from './labels';

/*
 * Each command's form: exactly the fields of its body in the contract (API.md, "Commands"),
 * labelled after their contract names, with the DTOs' limits. `expectedVersion` is not a field:
 * the page sends the version the issue had when it was opened.
 */

/** When it really happened: optional on every command, never in the future. */
export const OCCURRED_AT: FieldSpec = {
  name: 'occurredAt',
  label: 'Occurred at',
  kind: 'dateTime',
  required: false,
  notFuture: true,
  hint: 'When it really happened, if not now (a meeting recorded the next day). Leave empty for now.',
};

const channelOptions = CHANNELS.map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }));
/** Staff record answers that came by phone or by letter; an email's answer comes by its links. */
const answerChannelOptions = (['phone', 'letter'] as const).map((channel) => ({ value: channel, label: CHANNEL_LABELS[channel] }));

export const COMMAND_FIELDS: Readonly<Record<CommandName, readonly FieldSpec[]>> = {
  refer: [
    { name: 'serviceProvider', label: 'Service provider', kind: 'text', required: true, max: 200, hint: 'Who will deal with it.' },
    { name: 'note', label: 'Note', kind: 'longText', required: false, max: 2000 },
  ],
  'board-review': [
    { name: 'meetingDate', label: 'Meeting date', kind: 'date', required: true, hint: 'The area board meeting that will review it.' },
    { name: 'report', label: 'Report', kind: 'longText', required: true, max: 20000, hint: 'What the board is asked to consider.' },
  ],
  roundtable: [
    { name: 'date', label: 'Date', kind: 'date', required: true },
    { name: 'participants', label: 'Participants', kind: 'list', required: true, max: 200, hint: 'One per line, or separated by commas.' },
  ],
  resolve: [{ name: 'outcome', label: 'Outcome', kind: 'longText', required: true, max: 5000, hint: 'What was done: the resident will see it.' }],
  'feed-back': [
    { name: 'message', label: 'Message', kind: 'longText', required: true, max: 5000, hint: 'What the resident was told.' },
    { name: 'channel', label: 'Channel', kind: 'choice', required: true, options: channelOptions, hint: 'How the resident was told.' },
  ],
  reopen: [{ name: 'reason', label: 'Reason', kind: 'longText', required: true, max: 2000 }],
  withdraw: [{ name: 'reason', label: 'Reason', kind: 'longText', required: true, max: 2000 }],
  assign: [
    { name: 'officer', label: 'Officer', kind: 'text', required: true, max: 200 },
    { name: 'dueBy', label: 'Due by', kind: 'date', required: true },
  ],
  notes: [
    { name: 'text', label: 'Text', kind: 'longText', required: true, max: 5000 },
    { name: 'public', label: 'Public', kind: 'boolean', required: false, hint: 'Tick to show this note to the resident on the public tracker.' },
  ],
  'await-resident': [{ name: 'question', label: 'Question', kind: 'longText', required: true, max: 5000, hint: 'What the resident is asked (internal: not on the public tracker).' }],
  'resident-replied': [{ name: 'answer', label: 'Answer', kind: 'longText', required: true, max: 5000 }],
  'upgrade-workflow': [],
  'record-confirmation': [
    {
      name: 'confirmed',
      label: 'Did the resident confirm it is resolved?',
      kind: 'yesNo',
      required: true,
      options: [
        { value: YES, label: 'Yes, it is resolved' },
        { value: NO, label: 'No, they dispute it (the issue is reopened)' },
      ],
      missing: 'Say whether the resident confirmed it is resolved',
    },
    {
      name: 'reason',
      label: 'Reason',
      kind: 'longText',
      required: false,
      requiredWhen: { field: 'confirmed', value: NO },
      max: 2000,
      hint: 'Why the resident says it is not resolved. Required when they dispute it.',
      missing: 'Reason is required when the resident disputes the outcome',
    },
    { name: 'channel', label: 'Channel', kind: 'choice', required: true, options: answerChannelOptions, hint: 'How the resident answered.' },
  ],
};

/** A board meeting the board review form may offer: one of the area's from today on. */
export interface MeetingChoice {
  readonly id: string;
  /** Its date and venue, in words. */
  readonly label: string;
}

/**
 * The fields of a command's form: its own, then when it happened (not for upgrade-workflow, which
 * takes none). With `meetings` (the area's upcoming ones), the board review form offers them
 * beside the date: a meeting chosen sends its `meetingId`, and the date may then be left empty.
 */
export function commandFormFields(command: CommandName, meetings: readonly MeetingChoice[] = []): readonly FieldSpec[] {
  if (command === 'upgrade-workflow') return [];
  if (command === 'board-review' && meetings.length > 0) return [...boardReviewAtMeetingFields(meetings), OCCURRED_AT];
  return [...COMMAND_FIELDS[command], OCCURRED_AT];
}

function boardReviewAtMeetingFields(meetings: readonly MeetingChoice[]): readonly FieldSpec[] {
  const [meetingDate, ...rest] = COMMAND_FIELDS['board-review'];
  return [
    {
      name: 'meetingId',
      label: 'Meeting',
      kind: 'choice',
      required: false,
      options: meetings.map((meeting) => ({ value: meeting.id, label: meeting.label })),
      hint: "One of the area board's meetings from today on: the issue goes on its agenda.",
    },
    { ...meetingDate, required: false, hint: "Only for a meeting not listed above. Leave it empty when you choose one: it is then the meeting's date." },
    ...rest,
  ];
}

/** A board review offering meetings needs one of them or a date: what no single field's check can say. */
export const MEETING_OR_DATE = 'Choose a meeting, or give the meeting date';

/** Checks a command's form: each field, then, for a board review offering meetings, that a meeting or a date is given. */
export function checkCommandForm(command: CommandName, fields: readonly FieldSpec[], values: FieldValues, now: Date = new Date()): FormCheck {
  const check = checkForm(fields, values, now);
  if (command !== 'board-review' || !fields.some((field) => field.name === 'meetingId')) return check;
  const given = (name: string) => typeof values[name] === 'string' && (values[name] as string).trim() !== '';
  if (given('meetingId') || given('meetingDate')) return check;
  return { ok: false, problems: { ...(check.ok ? {} : check.problems), meetingDate: MEETING_OR_DATE } };
}
