import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '@concord/persistence';
import { freshDatabaseConfig, migratedPgliteDump, TestEngine } from '@concord/persistence/testing';

/**
 * Points the commands (through EMPI_DATA_DIR or DATABASE_URL) at a fresh database on the
 * engine; the returned function removes it again.
 */
export async function useFreshDatabase(
  engine: TestEngine,
  prefix = 'concord-cli-',
): Promise<() => Promise<void>> {
  if (engine === 'pglite') {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    const dataDir = join(dir, 'data');
    // Started from the migrated template: the commands then find the schema in place.
    const db = await openDatabase({ dataDir, initialDump: await migratedPgliteDump() }, { migrate: false });
    await db.close();
    process.env['EMPI_DATA_DIR'] = dataDir;
    delete process.env['DATABASE_URL'];
    return async () => {
      delete process.env['EMPI_DATA_DIR'];
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const { config, drop } = await freshDatabaseConfig('postgres');
  process.env['DATABASE_URL'] = config.url;
  return async () => {
    delete process.env['DATABASE_URL'];
    await drop();
  };
}
