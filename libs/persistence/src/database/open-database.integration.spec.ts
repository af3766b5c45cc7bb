import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestDatabase, testEngines } from '../testing';
import { openDatabase } from './open-database';

describe.each(testEngines())('schema on %s', (engine) => {
  it('applies every migration and nothing is left for the entities', async () => {
    const db = await openTestDatabase(engine);
    try {
      const pending = await db.dataSource.driver.createSchemaBuilder().log();
      expect(pending.upQueries).toEqual([]);
      const tables: Array<{ table_name: string }> = await db.dataSource.query(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining([
          'person',
          'source_record',
          'link',
          'blocking_key',
          'change_event',
          'schema_migration',
        ]),
      );
    } finally {
      await db.close();
    }
  }, 60_000);
});

describe('embedded database on disk', () => {
  it('keeps data between openings and refuses a second opener while open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'concord-db-'));
    try {
      const first = await openDatabase({ dataDir: dir });
      await first.dataSource.query(`INSERT INTO app_setting (key, value) VALUES ('probe', 'kept')`);
      await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by process/);
      await first.close();
      const again = await openDatabase({ dataDir: dir });
      expect(await again.dataSource.query(`SELECT value FROM app_setting WHERE key = 'probe'`)).toEqual([
        { value: 'kept' },
      ]);
      await again.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
