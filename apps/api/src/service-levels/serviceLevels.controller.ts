import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { StoredServiceLevelRegistry } from '@app/service-levels';
import { Roles } from '../auth/access.decorator';
import { SERVICE_LEVELS } from '../store/tokens';
import { ServiceLevelPolicyView } from './serviceLevelPolicy.dto';

/** The deadlines' rules, for staff to read: the policy new issues are logged under. */
@ApiTags('service levels')
@Controller('service-levels')
@Roles('viewer', 'auditor', 'areaManager', 'boardChair', 'officer')
export class ServiceLevelsController {
  constructor(@Inject(SERVICE_LEVELS) private readonly serviceLevels: StoredServiceLevelRegistry) {}

  /** The policy in force, as in its file. */
  @Get()
  @ApiOkResponse({ type: ServiceLevelPolicyView })
  @ApiUnauthorizedResponse({ description: 'Missing, malformed, expired or wrongly signed token' })
  inForce(): unknown {
    return this.serviceLevels.inForceAsWritten;
  }
}
