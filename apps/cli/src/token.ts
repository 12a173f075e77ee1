/**
 * Prints a bearer token for local use:  npm run token -- <role> [areaId...]
 * Signed with JWT_SECRET, or the API's development secret when it is not set.
 */
import { ROLES, type Role } from '../../../libs/lifecycle/src/actor';
import { mintToken } from '../../api/src/auth/token';
import { DEV_JWT_SECRET } from '../../api/src/config/settings';

const [role, ...areas] = process.argv.slice(2);
if (!ROLES.includes(role as Role)) {
  console.error(`usage: npm run token -- <role> [areaId...]\n  role: one of ${ROLES.join(', ')}\n  areas: area ids the user serves (default: * for all)`);
  process.exit(2);
}
const token = mintToken(process.env.JWT_SECRET || DEV_JWT_SECRET, {
  sub: `${role}-local`,
  name: `Local ${role}`,
  role: role as Role,
  areas: areas.length > 0 ? areas : ['*'],
});
console.log(token);
