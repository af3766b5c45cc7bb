// `npm run bench:queue -- [--tasks 10000] [--page 50] [--pg postgres://…]`
// Fills a fresh database (embedded PGlite by default, or a new database on the given
// PostgreSQL server) with persons, records and review tasks spread over the four queues,
// then pages through the whole queue the way the console does (priority order, keyset
// cursor) and through one queue filtered by source system, and prints per-page latency.
// Figures are printed, never asserted.
import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { openDatabase } from '@concord/persistence';
import { StewardQueues } from '@concord/services';

const argv = process.argv.slice(2);
const opt = (name: string, fallback: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] ? argv[i + 1] : fallback;
};

async function main() {
  const tasks = Number(opt('tasks', '10000'));
  const pageSize = Number(opt('page', '50'));
  const server = opt('pg', '');
  let dbName = '';
  let config: { url?: string; dataDir: string };
  if (server) {
    dbName = `concord_bench_queue_${randomBytes(4).toString('hex')}`;
    await admin(server, `CREATE DATABASE ${dbName}`);
    config = { url: Object.assign(new URL(server), { pathname: `/${dbName}` }).toString(), dataDir: '' };
  } else config = { dataDir: 'memory://' };
  const db = await openDatabase(config);
  try {
    const started = Date.now();
    await db.dataSource.query(
      `INSERT INTO person (id, status, golden, version)
       SELECT md5('p' || i)::uuid, 'active', '{}'::jsonb, 1 FROM generate_series(1, $1) AS i`,
      [tasks],
    );
    await db.dataSource.query(
      `INSERT INTO source_record (id, source_system, local_id, version, raw, standardised, nhs_number_status,
                                  flags, content_hash)
       SELECT md5('r' || i)::uuid, (ARRAY['RIS-LEEDS','PACS-YORK','PAS-BRADFORD'])[1 + i % 3], 'L' || i, 1,
              '{}'::jsonb, '{}'::jsonb, 'missing', '{}', md5('h' || i)
         FROM generate_series(1, $1) AS i`,
      [tasks],
    );
    await db.dataSource.query(
      `INSERT INTO review_task (id, type, status, record_id, candidate_person_id, score, match_probability, priority,
                                explanation, model_version, source_systems, created_at, version)
       SELECT md5('t' || i)::uuid,
              (ARRAY['nhs-shared','nhs-duplicate','possible-duplicate','nhs-trace'])[1 + i % 4],
              'open', md5('r' || i)::uuid, md5('p' || (1 + (i * 7919) % $1))::uuid, 3.5, 0.9,
              (ARRAY[400,300,200,100])[1 + i % 4] + (i * 31) % 100, '{}'::jsonb, 'bench',
              ARRAY[(ARRAY['RIS-LEEDS','PACS-YORK','PAS-BRADFORD'])[1 + i % 3]],
              now() - make_interval(mins => i), 1
         FROM generate_series(1, $1) AS i`,
      [tasks],
    );
    await db.dataSource.query('ANALYZE');
    console.log(
      `bench:queue: ${tasks} tasks loaded in ${((Date.now() - started) / 1000).toFixed(1)} s on ${server ? 'PostgreSQL' : 'PGlite'}`,
    );
    const queues = new StewardQueues(db.dataSource);
    const timeCounts = await time(() => queues.counts());
    console.log(`bench:queue: queue counts ${timeCounts.toFixed(1)} ms`);
    for (const [label, filter] of [
      ['all queues, priority order', {}],
      ['possible duplicates from PACS-YORK', { queue: 'possible-duplicate', sourceSystem: 'PACS-YORK' }],
    ] as const) {
      const latencies: number[] = [];
      let after: string | null = null;
      let seen = 0;
      do {
        let page: Awaited<ReturnType<StewardQueues['page']>> | undefined;
        latencies.push(
          await time(
            async () =>
              (page = await queues.page({
                filter: filter as never,
                sort: 'priority',
                first: pageSize,
                after,
              })),
          ),
        );
        seen += page!.tasks.length;
        after = page!.hasNextPage ? page!.endCursor : null;
      } while (after);
      const firstPage = latencies[0];
      latencies.sort((a, b) => a - b);
      const q = (p: number) =>
        latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
      console.log(
        `bench:queue: ${label}: ${latencies.length} pages of ${pageSize} (${seen} tasks): ` +
          `first page ${firstPage.toFixed(1)} ms, p50 ${q(0.5)} ms, p95 ${q(0.95)} ms, max ${q(1)} ms (target < 100 ms per page)`,
      );
    }
  } finally {
    await db.close();
    if (dbName) await admin(server, `DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function admin(serverUrl: string, sql: string) {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
