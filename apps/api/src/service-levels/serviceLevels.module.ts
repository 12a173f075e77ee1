import { Module } from '@nestjs/common';
import { ServiceLevelsController } from './serviceLevels.controller';

/** GET /service-levels. The registry itself (SERVICE_LEVELS) is global, from EventStoreModule. */
@Module({ controllers: [ServiceLevelsController] })
export class ServiceLevelsModule {}
