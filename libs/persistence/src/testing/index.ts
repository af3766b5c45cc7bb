import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase, OpenDatabase } from '../database/open-database';

export type TestEngine = 'pglite' | 'postgres';

/**
 * The engines the integration suites run on: the embedded database always, and the
 * PostgreSQL server named by TEST_DATABASE_URL when it is set (CI sets it).
 */
export function testEngines(): TestEngine[] {
  return process.env['TEST_DATABASE_URL'] ? ['pglite', 'postgres'] : ['pglite'];
}

/**
 * A fresh, migrated database: in-memory PGlite, or a new database on the server, dropped
 * again by `close()`. Tests never share state with each other or with a developer's data.
 */
export async function openTestDatabase(engine: TestEngine): Promise<OpenDatabase> {
  if (engine === 'pglite') return openDatabase({ dataDir: 'memory://' });
  const serverUrl = process.env['TEST_DATABASE_URL'];
  if (!serverUrl) throw new Error('TEST_DATABASE_URL is not set');
  const name = `concord_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), dataDir: '', poolSize: 8 });
  return {
    ...db,
    close: async () => {
      await db.close();
      const cleanup = new Client({ connectionString: serverUrl });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}
