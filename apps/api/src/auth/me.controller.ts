import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type Actor, COMMAND_ROLES, ISSUE_COMMAND_NAMES, ROLES } from '@app/lifecycle';
import { Roles } from './access.decorator';
import { MeView } from './me.dto';
import { RequestActor } from './requestActor';

/**
 * Who the caller is, as the server reads their token: the console shows it and offers only the
 * steps the role may take (the server decides again on every command).
 */
@ApiTags('auth')
@Controller('me')
export class MeController {
  @Get()
  @Roles(...ROLES)
  @ApiOperation({ summary: 'The signed-in caller: id, name, role, areas, and the commands the role may run' })
  @ApiOkResponse({ type: MeView })
  me(@RequestActor() actor: Actor): MeView {
    if (actor.kind !== 'staff') throw new Error('GET /me reached without a signed-in caller');
    return {
      id: actor.id,
      name: actor.name ?? actor.id,
      role: actor.role,
      areas: [...actor.areas],
      commands: ISSUE_COMMAND_NAMES.filter((command) => actor.role === 'admin' || COMMAND_ROLES[command].includes(actor.role)),
    };
  }
}
