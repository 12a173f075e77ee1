import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AllowAnonymous } from '../auth/access.decorator';
import type { Area } from '../config/areas';
import type { Settings } from '../config/settings';
import { SETTINGS } from '../store/tokens';
import { CATEGORIES } from './categories';

/** What a public intake form needs: open to anonymous callers. */
@ApiTags('reference data')
@Controller()
export class ReferenceDataController {
  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  /** The area boards issues are raised in. */
  @Get('areas')
  @AllowAnonymous()
  areas(): readonly Area[] {
    return this.settings.areas;
  }

  /** The categories an issue can be raised under. */
  @Get('categories')
  @AllowAnonymous()
  categories(): readonly string[] {
    return CATEGORIES;
  }
}
