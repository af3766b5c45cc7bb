import { DataSource } from 'typeorm';

/** app_setting key holding the definitions of the indexes a bulk load set aside. */
export const DEFERRED_INDEXES_KEY = 'bulk-import-deferred-indexes';

/** The tables a bulk load fills. */
const BULK_TABLES = [
  'person',
  'source_record',
  'source_record_version',
  'link',
  'blocking_key',
  'change_event',
];

interface IndexDefinition {
  name: string;
  definition: string;
}

/**
 * Sets aside the plain (non-unique) indexes of the tables a large bulk load fills: each
 * row then updates only its primary key and unique constraints, and every set-aside index
 * is built once at the end by sorting, instead of row by row at random pages (the blocking
 * key index alone holds ten entries per record). Unique indexes stay: they are what
 * refuses a duplicate registration or a second current link. The definitions are kept in
 * app_setting before anything is dropped, in the same transaction, so an interrupted load
 * restores them when the import is run again (`restoreDeferredIndexes`).
 */
export async function deferIndexes(dataSource: DataSource): Promise<number> {
  return dataSource.transaction(async (manager) => {
    const found: IndexDefinition[] = await manager.query(
      `SELECT quote_ident(ic.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i
         JOIN pg_class ic ON ic.oid = i.indexrelid
         JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = current_schema() AND t.relname = ANY($1::text[])
          AND NOT i.indisunique AND NOT i.indisprimary
        ORDER BY t.relname, ic.relname`,
      [BULK_TABLES],
    );
    const kept = await readDeferred(manager.query.bind(manager));
    const all = [...kept, ...found.filter((f) => !kept.some((k) => k.name === f.name))];
    await manager.query(
      `INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
      [DEFERRED_INDEXES_KEY, JSON.stringify(all)],
    );
    for (const index of found) await manager.query(`DROP INDEX ${index.name}`);
    return found.length;
  });
}

/** Builds every index a bulk load set aside (if any), then forgets them. Returns how many. */
export async function restoreDeferredIndexes(dataSource: DataSource): Promise<number> {
  const deferred = await readDeferred((sql, params) => dataSource.query(sql, params));
  if (deferred.length === 0) return 0;
  await dataSource.transaction(async (manager) => {
    // Sorting in memory rather than in temporary files, for this transaction only.
    await manager.query(`SET LOCAL maintenance_work_mem = '256MB'`);
    for (const index of deferred)
      await manager.query(index.definition.replace(/^CREATE INDEX /, 'CREATE INDEX IF NOT EXISTS '));
    await manager.query(`DELETE FROM app_setting WHERE key = $1`, [DEFERRED_INDEXES_KEY]);
  });
  return deferred.length;
}

async function readDeferred(
  query: (sql: string, params: unknown[]) => Promise<Array<{ value: string }>>,
): Promise<IndexDefinition[]> {
  const rows = await query(`SELECT value FROM app_setting WHERE key = $1`, [DEFERRED_INDEXES_KEY]);
  return rows.length ? (JSON.parse(rows[0].value) as IndexDefinition[]) : [];
}
