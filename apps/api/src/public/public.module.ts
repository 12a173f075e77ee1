import { Module } from '@nestjs/common';
import { PublicController } from './public.controller';

/** The public reads (/public/*): anonymous, served from the public-tracker projection. */
@Module({ controllers: [PublicController] })
export class PublicModule {}
