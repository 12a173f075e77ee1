import type { CommandName } from '../../shared/contract';
import { COMMAND_LABELS } from '../../shared/labels';

/*
 * The steps the issue page offers: those the status allows now (its `allowedCommands`)
 * that the signed-in role may also run (GET /me's `commands`), in the order of COMMAND_LABELS,
 * so the buttons never move about from one issue to the next. Nothing else: an officer never
 * sees Refer. Pure.
 */
export function offeredCommands(allowed: readonly CommandName[], mine: readonly CommandName[]): CommandName[] {
  return (Object.keys(COMMAND_LABELS) as CommandName[]).filter((command) => allowed.includes(command) && mine.includes(command));
}
