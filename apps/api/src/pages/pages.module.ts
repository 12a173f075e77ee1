import { Module } from '@nestjs/common';
import { PagesController } from './pages.controller';

/** The web pages served by the API itself (no separate front-end build). */
@Module({ controllers: [PagesController] })
export class PagesModule {}
