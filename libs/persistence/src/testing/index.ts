import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { DatabaseConfig, openDatabase, OpenDatabase } from '../database/open-database';
import { createFromTemplate, migratedPgliteDump } from './templates';

export { migratedPgliteDump } from './templates';

export type TestEngine = 'pglite' | 'postgres';

/**
 * The engines the integration suites run on: the embedded database always, and the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it).
 */
export function testEngines(): TestEngine[] {
  return process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * Configuration of a fresh, empty, migrated database: in-memory PGlite, or a new database on
 * the server that `drop()` removes again, both copied from a migrated template (see
 * templates.ts). Tests never share state with each other or with a developer's data.
 */
export async function freshDatabaseConfig(
  engine: TestEngine,
): Promise<{ config: DatabaseConfig; drop: () => Promise<void> }> {
  if (engine === 'pglite')
    return {
      config: { dataDir: 'memory://', initialDump: await migratedPgliteDump() },
      drop: async () => undefined,
    };
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `concord_test_${randomBytes(6).toString('hex')}`;
  await createFromTemplate(serverUrl, name);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    config: { url: url.toString(), dataDir: '', poolSize: 8 },
    drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/** A fresh database, migrated and open; `close()` also drops it. */
export async function openTestDatabase(engine: TestEngine): Promise<OpenDatabase> {
  const { config, drop } = await freshDatabaseConfig(engine);
  const db = await openDatabase(config);
  return {
    ...db,
    close: async () => {
      await db.close();
      await drop();
    },
  };
}

async function adminQuery(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
