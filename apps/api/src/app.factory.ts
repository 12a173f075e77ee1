import { type INestApplication, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AppModule, type AppOptions } from './app.module';
import type { Settings } from './config/settings';
import { inputAtTheEdge } from './http/inputAtTheEdge';
import { secureTheEdge } from './http/securityEdge';

/** The API, configured but not yet listening: `main` listens, tests drive it with supertest. */
export async function createApp(settings: Settings, options: AppOptions = {}): Promise<INestApplication> {
  // abortOnError false: a refused start-up (a changed service-level policy...) rejects with its reason, for main to print, rather than exiting here.
  const app = await NestFactory.create(AppModule.forRoot(settings, options), { bufferLogs: true, bodyParser: false, abortOnError: false });
  // First, so every answer (errors and Swagger's pages included) carries the edge's headers.
  secureTheEdge(app, settings);
  // Bodies are read here (not by Nest's default parsers), and hostile input refused before routing.
  app.use(...inputAtTheEdge(settings.bodyLimitBytes));
  const logger = app.get(Logger);
  app.useLogger(logger);
  if (settings.jwtSecretIsDevDefault) {
    logger.warn('JWT_SECRET is not set: tokens are signed with the PUBLIC development secret. Set JWT_SECRET before real use.');
  }
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      forbidUnknownValues: true,
      transform: true,
      validationError: { target: false, value: false },
    }),
  );
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Issues of concern')
      .setDescription("Residents' issues from raising to feedback: commands, reads and reference data.")
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return app;
}
