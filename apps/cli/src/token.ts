/**
 * Prints a bearer token for local use:  npm run token -- <role> [areaId...]
 * (the same as `npm run cli -- token ...`; kept as its own entry point for existing scripts).
 */
import { tokenCommand } from './commands/token';

tokenCommand.run(process.argv.slice(2)).then((code) => process.exit(code));
