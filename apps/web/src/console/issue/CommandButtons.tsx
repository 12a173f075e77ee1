import type { CommandName } from '../../shared/contract';
import { COMMAND_LABELS } from '../../shared/labels';

/** The id of a command's button, so focus can go back to it when its form closes. */
export const commandButtonId = (command: CommandName) => `command-${command}`;

interface CommandButtonsProps {
  readonly offered: readonly CommandName[];
  readonly open: CommandName | null;
  readonly onOpen: (command: CommandName) => void;
}

/** One button per step offered now, named exactly after the command; each opens that command's form. */
export function CommandButtons({ offered, open, onOpen }: CommandButtonsProps) {
  if (offered.length === 0) return <p id="no-steps">There are no steps you may take on this issue now.</p>;
  return (
    <div class="button-row command-buttons">
      {offered.map((command) => (
        <button
          key={command}
          id={commandButtonId(command)}
          type="button"
          class={`button${open === command ? '' : ' button-secondary'}`}
          aria-expanded={open === command}
          aria-controls={open === command ? 'command-form' : undefined}
          onClick={() => onOpen(command)}
        >
          {COMMAND_LABELS[command]}
        </button>
      ))}
    </div>
  );
}
