import { ROLES, type Role } from '../../../../libs/lifecycle/src/actor';
import { mintToken } from '../../../api/src/auth/token';
import { DEV_JWT_SECRET } from '../../../api/src/config/settings';
import type { CliCommand } from '../cliCommand';

// Relative imports only: `npm run token` runs this without tsconfig-paths.

/** Prints a bearer token signed with JWT_SECRET, or the API's development secret when it is not set. */
export const tokenCommand: CliCommand = {
  name: 'token',
  synopsis: '<role> [areaId...] [--name "Full Name"]',
  summary: 'print a bearer token for local use (areas default to * for all; the name is recorded on the events the holder appends)',
  async run(args) {
    const named = args.indexOf('--name');
    const name = named >= 0 ? args[named + 1] : undefined;
    const [role, ...areas] = named >= 0 ? [...args.slice(0, named), ...args.slice(named + 2)] : args;
    if (!ROLES.includes(role as Role) || (named >= 0 && (name === undefined || name.trim() === ''))) {
      console.error(
        `usage: token <role> [areaId...] [--name "Full Name"]\n  role: one of ${ROLES.join(', ')}\n  areas: area ids the user serves (default: * for all)\n  --name: the person's name, shown in the console and on the timeline (default: Local <role>)`,
      );
      return 2;
    }
    const token = mintToken(process.env.JWT_SECRET || DEV_JWT_SECRET, {
      sub: name ? `${role}-${name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : `${role}-local`,
      name: name?.trim() || `Local ${role}`,
      role: role as Role,
      areas: areas.length > 0 ? areas : ['*'],
    });
    console.log(token);
    return 0;
  },
};
