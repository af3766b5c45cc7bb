import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AccessService, DEMO_USERS, RegistrationService, seedDemo } from '@concord/services';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/app-config';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const app = await createApp(config);
  const logger = new Logger('Concord');
  let demoKey: string | null = null;
  if (config.seedDemo) {
    const started = Date.now();
    const seed = await seedDemo(
      app.get(DataSource),
      app.get(AccessService),
      app.get(RegistrationService),
      config.demoRecordsCsv,
      (n) => logger.log(`seeding demo population: ${n} records registered`),
    );
    if (seed.seeded)
      logger.log(
        `seeded the demo population: ${seed.records} records in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    demoKey = seed.apiKey;
  }
  await app.listen(config.port);
  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `Concord is running: ${url}`,
    `  database: ${config.database.url ? 'PostgreSQL server (DATABASE_URL)' : `embedded PGlite in ${config.database.dataDir}`}`,
  ];
  if (config.seedDemo) {
    lines.push('  demo sign-ins (console):');
    for (const u of DEMO_USERS)
      lines.push(`    ${u.username.padEnd(8)} / ${u.password.padEnd(16)} (${u.role})`);
    if (demoKey) lines.push(`  demo API key (register, match, links): ${demoKey}`);
    lines.push(
      `  try: curl -H "Authorization: Bearer <demo API key>" "${url}/api/v1/links?nhsNumber=<NHS number>"`,
    );
  }
  process.stdout.write(lines.join('\n') + '\n\n');
}

bootstrap().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Concord failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
