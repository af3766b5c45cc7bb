import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { Client } from 'pg';
import { openDatabase } from '../database/open-database';

/**
 * Migrated templates for the test databases. Every integration suite needs an empty, fully
 * migrated database; building one from nothing (initdb in WebAssembly for the embedded
 * engine, then every migration) took seconds each time, dozens of times per run. A template
 * is built once per schema and copied: a dump loaded into PGlite, a `CREATE DATABASE …
 * TEMPLATE` on a server. The schema's fingerprint names the template, so a changed or new
 * migration builds a new one and a stale template is never used.
 */
export function schemaFingerprint(): string {
  // The migrations' source text, not their compiled functions: suites of different projects
  // compile them with different settings and must still share one template.
  const dir = join(__dirname, '..', 'migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort())
    hash.update(`${file}\n${readFileSync(join(dir, file), 'utf8')}\n`);
  return hash.digest('hex').slice(0, 16);
}

let pgliteDump: Promise<Blob> | undefined;

/** A dump of a migrated embedded database, kept in the system's temp folder between runs. */
export function migratedPgliteDump(): Promise<Blob> {
  pgliteDump ??= loadOrBuildPgliteDump();
  return pgliteDump;
}

/** A dump is only read back by the PGlite version that wrote it. */
function pgliteVersion(): string {
  const manifest = join(dirname(require.resolve('@electric-sql/pglite')), '..', 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

async function loadOrBuildPgliteDump(): Promise<Blob> {
  const file = join(tmpdir(), `concord-test-template-${schemaFingerprint()}-pglite-${pgliteVersion()}.tar.gz`);
  if (!existsSync(file)) {
    const db = await openDatabase({ dataDir: 'memory://' });
    try {
      const dump = await db.dump?.();
      if (!dump) throw new Error('the embedded database gave no dump');
      // Written aside and renamed: a suite in another process never reads half a file.
      const partial = `${file}.${process.pid}.partial`;
      writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
      renameSync(partial, file);
      // Dumps of earlier schemas or PGlite versions are of no further use.
      for (const old of readdirSync(tmpdir()))
        if (/^concord-test-template-.*\.tar\.gz$/.test(old) && join(tmpdir(), old) !== file)
          rmSync(join(tmpdir(), old), { force: true });
    } finally {
      await db.close();
    }
  }
  return new Blob([readFileSync(file)]);
}

/**
 * Creates database `name` on the server as a copy of the migrated template, building the
 * template first if this schema has none. An advisory lock serialises the suites of all
 * processes: a template must have no open connection while it is copied.
 */
export async function createFromTemplate(serverUrl: string, name: string): Promise<void> {
  const template = `concord_test_template_${schemaFingerprint()}`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`SELECT pg_advisory_lock(hashtext('concord_test_template'))`);
    try {
      const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [template]);
      if (found.rowCount === 0) await buildTemplate(admin, serverUrl, template);
      await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    } finally {
      await admin.query(`SELECT pg_advisory_unlock(hashtext('concord_test_template'))`);
    }
  } finally {
    await admin.end();
  }
}

async function buildTemplate(admin: Client, serverUrl: string, template: string): Promise<void> {
  // Templates of earlier schemas are of no further use.
  const old = await admin.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE 'concord\\_test\\_template\\_%'`,
  );
  for (const { datname } of old.rows) await admin.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  // Built under another name and renamed when complete: an interrupted build is not used.
  const building = `${template}_building`;
  await admin.query(`DROP DATABASE IF EXISTS ${building} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${building}`);
  const url = new URL(serverUrl);
  url.pathname = `/${building}`;
  const db = await openDatabase({ url: url.toString(), dataDir: '', poolSize: 1 });
  await db.close();
  await admin.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
}
