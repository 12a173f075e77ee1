/**
 * The operators' CLI: what operators and auditors do without HTTP, on the store and read models
 * the API's settings name (DATA_DIR, or EVENT_STORE=postgres with DATABASE_URL/DATABASE_SCHEMA).
 *   npm run cli -- <command> [arguments]
 * Exit codes: 0 done, 1 failed, 2 wrongly called (or not available yet).
 */
import 'reflect-metadata';
import { UsageError } from './cliArgs';
import type { CliCommand } from './cliCommand';
import { anchorCommand } from './commands/anchor';
import { COMING_LATER } from './commands/comingLater';
import { demoCommand } from './commands/demo';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { migrateCommand } from './commands/migrate';
import { rebuildCommand } from './commands/rebuild';
import { replayCommand } from './commands/replay';
import { tokenCommand } from './commands/token';
import { verifyCommand } from './commands/verify';

const COMMANDS: readonly CliCommand[] = [rebuildCommand, demoCommand, tokenCommand, importCommand, replayCommand, exportCommand, verifyCommand, anchorCommand, migrateCommand, ...COMING_LATER];

function usage(): string {
  const width = Math.max(...COMMANDS.map((command) => `${command.name} ${command.synopsis}`.length));
  const lines = COMMANDS.map((command) => `  ${`${command.name} ${command.synopsis}`.padEnd(width)}  ${command.summary}`);
  return ['usage: npm run cli -- <command> [arguments]', '', 'commands:', ...lines].join('\n');
}

async function main(argv: readonly string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (name !== undefined && ['help', '--help', '-h'].includes(name)) {
    console.log(usage());
    return 0;
  }
  if (!command) {
    if (name !== undefined) console.error(`unknown command: ${name}\n`);
    console.error(usage());
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`${name}: ${error.message}\nusage: npm run cli -- ${command.name} ${command.synopsis}`);
      return 2;
    }
    console.error(`${name} failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

// Exit explicitly: database pools and the like would otherwise keep the process alive.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
