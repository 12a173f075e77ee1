import { ROLES, type Role } from '../../../../libs/lifecycle/src/actor';
import { mintToken } from '../../../api/src/auth/token';
import { DEV_JWT_SECRET } from '../../../api/src/config/settings';
import type { CliCommand } from '../cliCommand';

// Relative imports only: `npm run token` runs this without tsconfig-paths.

/** Prints a bearer token signed with JWT_SECRET, or the API's development secret when it is not set. */
export const tokenCommand: CliCommand = {
  name: 'token',
  synopsis: '<role> [areaId...]',
  summary: 'print a bearer token for local use (areas default to * for all)',
  async run(args) {
    const [role, ...areas] = args;
    if (!ROLES.includes(role as Role)) {
      console.error(`usage: token <role> [areaId...]\n  role: one of ${ROLES.join(', ')}\n  areas: area ids the user serves (default: * for all)`);
      return 2;
    }
    const token = mintToken(process.env.JWT_SECRET || DEV_JWT_SECRET, {
      sub: `${role}-local`,
      name: `Local ${role}`,
      role: role as Role,
      areas: areas.length > 0 ? areas : ['*'],
    });
    console.log(token);
    return 0;
  },
};
