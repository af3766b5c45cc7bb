import { INestApplication, Logger, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from 'helmet';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { invalid } from '@concord/services';
import { AppModule } from './app.module';
import { AppConfig } from './config/app-config';

/** Builds the whole server (also used by the integration tests, on a fresh database). */
export async function createApp(
  config: AppConfig,
  options: { logger?: false } = {},
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    logger: options.logger === false ? false : ['error', 'warn', 'log'],
  });
  app.enableShutdownHooks();
  app.useBodyParser('json', { limit: config.bodyLimit, type: ['application/json', 'application/fhir+json'] });
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          defaultSrc: ["'self'"],
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
        },
      },
    }),
  );
  if (config.corsOrigins.length > 0) app.enableCors({ origin: config.corsOrigins, credentials: false });
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      // class-validator messages already start with the property name ("localId must be a string").
      exceptionFactory: (errors) => {
        const first = errors[0];
        if (!first) return invalid('body', 'is invalid');
        // A JSON array arrives as an object whose "fields" are its indexes.
        if (/^\d+$/.test(first.property)) return invalid('body', 'must be a JSON object');
        if (first.value === undefined && first.constraints && !('whitelistValidation' in first.constraints)) {
          return invalid(first.property, 'is required');
        }
        const detail = Object.values(first.constraints ?? {})
          .map((m) => m.replace(new RegExp(`^(property )?${first.property} `), ''))
          .join(', ');
        return invalid(first.property, detail || 'is invalid');
      },
    }),
  );
  const openApi = new DocumentBuilder()
    .setTitle('Concord EMPI')
    .setDescription('Register source records, match demographics, look up links and follow the change feed.')
    .setVersion('1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi), {
    jsonDocumentUrl: 'api/docs/openapi.json',
  });
  serveConsole(app, config.consoleDir);
  return app;
}

/** The built console at `/`, with deep links (e.g. /persons/…) answered by index.html. */
function serveConsole(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    new Logger('Console').warn(
      `No built console in ${dir}: run \`npx nx run console:build\` (npm start does it)`,
    );
    return;
  }
  app.useStaticAssets(dir, { index: false, maxAge: '1h' });
  const apiPrefixes = ['/api', '/graphql', '/fhir', '/health'];
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (req.method !== 'GET' || apiPrefixes.some((p) => req.path === p || req.path.startsWith(`${p}/`)))
      return next();
    res.sendFile(index);
  });
}
