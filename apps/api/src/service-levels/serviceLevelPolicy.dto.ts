import { ApiProperty } from '@nestjs/swagger';

const TARGETS_SCHEMA = {
  type: 'object',
  properties: { acknowledge: { type: 'integer' }, resolve: { type: 'integer' }, feedBack: { type: 'integer' } },
} as const;

/** Targets in working days, one per deadline kind. */
export class ServiceLevelTargetsView {
  /** Logged → the first command other than notes and upgrade-workflow. */
  acknowledge: number;
  /** Logged (or reopened) → resolved. */
  resolve: number;
  /** Resolved → fed back. */
  feedBack: number;
}

/** The service-level policy in force, as its file (SERVICE_LEVELS_FILE) gives it. */
export class ServiceLevelPolicyView {
  /** New issues are logged under this version and keep it. */
  version: string;
  /** Whose bank holidays are not working days. */
  @ApiProperty({ enum: ['GB-ENG', 'GB-WLS', 'GB-SCT', 'GB-NIR'] })
  region: string;
  default: ServiceLevelTargetsView;
  /** Targets by category, overriding the default (any of the three). */
  @ApiProperty({ required: false, type: Object, additionalProperties: TARGETS_SCHEMA })
  categories?: Record<string, Partial<ServiceLevelTargetsView>>;
  /** Targets by area id, then category, overriding the category's and the default. */
  @ApiProperty({ required: false, type: Object, additionalProperties: { type: 'object', additionalProperties: TARGETS_SCHEMA } })
  areas?: Record<string, Record<string, Partial<ServiceLevelTargetsView>>>;
}
