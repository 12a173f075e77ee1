import { ApiProperty } from '@nestjs/swagger';
import { ISSUE_COMMAND_NAMES, type IssueCommandName, type Role, ROLES } from '@app/lifecycle';

/** GET /me: who the bearer token says the caller is, and the commands that role may run. */
export class MeView {
  /** The token's `sub`. */
  id: string;
  /** The token's `name`; its `sub` when it has none. */
  name: string;
  @ApiProperty({ enum: ROLES })
  role: Role;
  /** Area ids served; `["*"]` for all. */
  areas: string[];
  /** The workflow steps (allowedCommands' path names) the role may run where the issue's status allows them (admin: all). */
  @ApiProperty({ enum: ISSUE_COMMAND_NAMES, isArray: true })
  commands: IssueCommandName[];
}
