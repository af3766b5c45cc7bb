/**
 * Schema tooling over the entities:
 *   generate <Name>  writes a migration with the SQL that brings the migrated schema up to the entities
 *   check            fails (exit 1) when the entities differ from what the migrations build
 * Both run on a fresh embedded database, or with --server on a fresh database of TEST_DATABASE_URL's server.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '@concord/persistence';
import { freshDatabaseConfig } from '@concord/persistence/testing';

async function pendingSql(server: boolean) {
  if (server && !process.env['TEST_DATABASE_URL']) throw new Error('--server needs TEST_DATABASE_URL');
  // A database of its own (dropped afterwards), so the check never touches anyone's data.
  const { config, drop } = await freshDatabaseConfig(server ? 'postgres' : 'pglite');
  const db = await openDatabase(config);
  try {
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    return { up: sql.upQueries.map((q) => q.query), down: sql.downQueries.map((q) => q.query) };
  } finally {
    await db.close();
    await drop();
  }
}

function escape(q: string): string {
  return q.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

async function main(): Promise<number> {
  const [command, name] = process.argv.slice(2);
  const server = process.argv.includes('--server');
  const { up, down } = await pendingSql(server);
  if (command === 'check') {
    if (up.length === 0) {
      console.log('migrations: the entities and the migrations agree');
      return 0;
    }
    console.error('migrations: the entities differ from the migrations. Missing SQL:\n' + up.join(';\n'));
    console.error('Run `node -r @swc-node/register tools/db/migrations.ts generate <Name>` and commit the migration.');
    return 1;
  }
  if (command === 'generate' && name && /^[A-Z][A-Za-z0-9]+$/.test(name)) {
    if (up.length === 0) {
      console.log('migrations: nothing to generate');
      return 0;
    }
    const stamp = Date.now();
    const file = join(__dirname, '..', '..', 'libs', 'persistence', 'src', 'migrations', `${stamp}-${name}.ts`);
    const body = `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${name}${stamp} implements MigrationInterface {
  name = '${name}${stamp}';

  async up(queryRunner: QueryRunner): Promise<void> {
${up.map((q) => `    await queryRunner.query(\`${escape(q)}\`);`).join('\n')}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${down
  .reverse()
  .map((q) => `    await queryRunner.query(\`${escape(q)}\`);`)
  .join('\n')}
  }
}
`;
    writeFileSync(file, body);
    console.log(`migrations: wrote ${file}; add the class to libs/persistence/src/migrations/index.ts`);
    return 0;
  }
  console.error('usage: migrations.ts generate <PascalCaseName> | check [--server]');
  return 2;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
