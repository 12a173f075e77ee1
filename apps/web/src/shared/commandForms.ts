import type { CommandName } from './contract';
import type { FieldSpec } from './formFields';
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
};

/** The fields of a command's form: its own, then when it happened (not for upgrade-workflow, which takes none). */
export function commandFormFields(command: CommandName): readonly FieldSpec[] {
  return command === 'upgrade-workflow' ? [] : [...COMMAND_FIELDS[command], OCCURRED_AT];
}
