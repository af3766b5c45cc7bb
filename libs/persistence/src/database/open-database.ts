import { resolve } from 'node:path';
import { DataSource, DataSourceOptions } from 'typeorm';
import { ENTITIES } from '../entities';
import { MIGRATIONS } from '../migrations';
import { lockDataDir } from './data-dir-lock';

export interface DatabaseConfig {
  /** postgres://… of a PostgreSQL server; absent = the embedded PGlite database. */
  url?: string;
  /** Folder of the embedded database (ignored with `url`). `memory://` keeps it in memory. */
  dataDir: string;
  /** Connections per process on a server (PGlite always has one). */
  poolSize?: number;
  /** Log SQL (never in production: statements may carry patient data). */
  logging?: boolean;
  /**
   * Embedded only: start a new data directory from this dump (a `dump()` of another
   * embedded database) instead of an empty cluster. The tests start from a migrated one.
   */
  initialDump?: Blob;
}

export type DatabaseEngine = 'postgres' | 'pglite';

export interface OpenDatabase {
  dataSource: DataSource;
  engine: DatabaseEngine;
  /** Embedded only: the whole data directory as a gzipped tarball (null on a server). */
  dump: (() => Promise<Blob>) | null;
  close(): Promise<void>;
}

/**
 * Reads DATABASE_URL / EMPI_DATA_DIR / EMPI_DB_POOL_SIZE the same way for the server, the
 * CLI and the tests. A bad value is added to `problems` (naming the variable) and ignored.
 */
export function databaseConfigFromEnv(
  env: NodeJS.ProcessEnv = process.env,
  problems: string[] = [],
): DatabaseConfig {
  const rawPool = env['EMPI_DB_POOL_SIZE'];
  let poolSize: number | undefined;
  if (rawPool !== undefined && rawPool !== '') {
    poolSize = Number(rawPool);
    if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 1000) {
      problems.push(`EMPI_DB_POOL_SIZE must be a whole number from 1 to 1000 (got "${rawPool}")`);
      poolSize = undefined;
    }
  }
  return {
    url: env['DATABASE_URL'] || undefined,
    dataDir: env['EMPI_DATA_DIR'] || resolve(process.cwd(), '.empi-data'),
    poolSize,
  };
}

const common = {
  type: 'postgres' as const,
  entities: ENTITIES,
  migrations: MIGRATIONS,
  migrationsTableName: 'schema_migration',
  synchronize: false,
};

/** How prepared statements are planned on every connection (see the server options below). */
const GENERIC_PLANS = 'force_generic_plan';

/** The server's startup `options`: the URL's own, if any, and the generic plans. */
export function withGenericPlans(url: string): string {
  let own: string | null = null;
  try {
    own = new URL(url).searchParams.get('options');
  } catch {
    // Not a URL the WHATWG parser takes (node-postgres may still): no options of its own.
  }
  return [own, `-c plan_cache_mode=${GENERIC_PLANS}`].filter(Boolean).join(' ');
}

/** TypeORM options for a database; the embedded engine is started (and locked) here. */
export async function createDataSourceOptions(config: DatabaseConfig): Promise<{
  options: DataSourceOptions;
  engine: DatabaseEngine;
  dump: (() => Promise<Blob>) | null;
  release: () => Promise<void>;
}> {
  if (config.url) {
    return {
      engine: 'postgres',
      options: {
        ...common,
        url: config.url,
        poolSize: config.poolSize ?? 10,
        logging: config.logging ?? false,
        // Prepared statements (`preparedQuery`, the only named ones: TypeORM's are unnamed)
        // keep one generic plan: their statements are index lookups whose best plan does not
        // depend on the values, and re-planning the registration lookup on every call cost
        // as much as running it. Options the URL itself gives (`?options=…`) are kept.
        extra: { options: withGenericPlans(config.url) },
      },
      dump: null,
      release: async () => undefined,
    };
  }
  const inMemory = config.dataDir.startsWith('memory://');
  const unlock = inMemory ? () => undefined : lockDataDir(config.dataDir);
  try {
    // PGlite is PostgreSQL compiled to WebAssembly: the same SQL and migrations as a
    // server, with nothing to install. node-postgres talks to it through its adapter.
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    const db = await PGlite.create({
      ...(inMemory ? {} : { dataDir: config.dataDir }),
      ...(config.initialDump ? { loadDataDir: config.initialDump } : {}),
    });
    await db.exec(`SET plan_cache_mode = ${GENERIC_PLANS}`);
    const pg = createPgConfig(db);
    return {
      engine: 'pglite',
      options: {
        ...common,
        poolSize: 1,
        extra: { connection: pg.connection, max: 1 },
        logging: config.logging ?? false,
      },
      dump: () => db.dumpDataDir('gzip'),
      release: async () => {
        await db.close();
        unlock();
      },
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/** Opens the configured database and brings its schema up to date with the migrations. */
export async function openDatabase(
  config: DatabaseConfig,
  options: { migrate?: boolean } = {},
): Promise<OpenDatabase> {
  const { options: dsOptions, engine, dump, release } = await createDataSourceOptions(config);
  const dataSource = new DataSource(dsOptions);
  try {
    await dataSource.initialize();
    if (options.migrate !== false) await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    if (dataSource.isInitialized) await dataSource.destroy();
    await release();
    throw error;
  }
  return {
    dataSource,
    engine,
    dump,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await release();
    },
  };
}
