// `npm run bench:api -- [--persons 1000000] [--seed 42] [--duration 20] [--connections 16] [--keep] [--db NAME --reuse] [--no-build] [--only records,links,health]`
// Creates a PostgreSQL database, generates a population, bulk-imports it (timed), starts the
// built API against it, and loads POST /api/v1/match, POST /api/v1/records and
// GET /api/v1/links with autocannon from a second process (this script re-invoked with
// --load-generator), then GET /health as the machine's floor (framework and one round trip).
// Prints p50/p95/p99 and requests/s against the targets of issue 5, then stops the server
// and drops the database (unless --keep). `--db NAME --reuse` loads a database
// kept by an earlier run instead of importing again. Figures are printed, never asserted.
import { spawn, spawnSync } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash, randomBytes } from 'node:crypto';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const argv = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 && argv[i + 1] !== undefined && !argv[i + 1].startsWith('--') ? argv[i + 1] : fallback;
};

if (argv[0] === '--load-generator') await loadGenerator(argv[1]);
else await main();

async function main() {
  const persons = Number(opt('persons', '1000000'));
  const seed = Number(opt('seed', '42'));
  const duration = Number(opt('duration', '20'));
  const connections = Number(opt('connections', '16'));
  const reuse = argv.includes('--reuse');
  const keep = argv.includes('--keep') || reuse;
  const port = Number(opt('port', String(39000 + Math.floor(Math.random() * 1000))));
  const server = process.env.BENCH_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
  const dbName = opt('db', `concord_bench_${randomBytes(4).toString('hex')}`);
  const dbUrl = Object.assign(new URL(server), { pathname: `/${dbName}` }).toString();
  const work = join(root, 'tmp', 'bench-api');
  const fixtures = join(work, `p${persons}-s${seed}`);
  mkdirSync(work, { recursive: true });
  const pg = (await import('pg')).default;
  const admin = async (sql) => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  };

  let api = null;
  let created = false;
  const cleanup = async () => {
    if (api && api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 500));
      if (api.exitCode === null) api.kill('SIGKILL');
    }
    if (created && !keep)
      await admin(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`).catch(() => undefined);
    if (created && keep) log(`kept database ${dbName} (${dbUrl})`);
  };
  process.on('SIGINT', () => void cleanup().then(() => process.exit(130)));
  try {
    log(
      `load average ${(await loadAverage()).join(' ')} on ${(await import('node:os')).cpus().length} CPUs (shared machine: figures fluctuate)`,
    );
    if (!existsSync(join(fixtures, 'records.csv')))
      run('node', [
        'tools/scripts/fixtures.mjs',
        '--persons',
        String(persons),
        '--seed',
        String(seed),
        '--out',
        fixtures,
      ]);
    if (!argv.includes('--no-build')) {
      run('npx', ['nx', 'run', 'cli:build', '--output-style=stream-without-prefixes']);
      run('npx', ['nx', 'run', 'api:build', '--output-style=stream-without-prefixes']);
    }
    const env = { ...process.env, DATABASE_URL: dbUrl, EMPI_SKIP_BUILD: '1' };
    const records = join(fixtures, 'records.csv');
    let importSeconds = NaN;
    if (reuse) {
      created = true;
      log(`reusing database ${dbName}: no import`);
      // The kept schema may be older than the build: the server migrates it at start.
    } else {
      await admin(`CREATE DATABASE ${dbName}`);
      created = true;
      const importCommand = `node --max-old-space-size=12288 dist/apps/cli/main.js import --input ${records}`;
      log(`$ DATABASE_URL=${dbUrl} ${importCommand}`);
      const t0 = Date.now();
      run('node', ['--max-old-space-size=12288', 'dist/apps/cli/main.js', 'import', '--input', records], {
        env,
      });
      importSeconds = (Date.now() - t0) / 1000;
    }
    const [{ count: recordCount }] = (
      await queryDb(pg, dbUrl, 'SELECT count(*)::int AS count FROM source_record')
    ).rows;
    if (!reuse)
      log(
        `bulk import: ${recordCount} records in ${importSeconds.toFixed(1)} s (${Math.round(recordCount / importSeconds)} records/s)`,
      );
    await queryDb(pg, dbUrl, 'VACUUM ANALYZE');

    const keyName = `bench-${randomBytes(3).toString('hex')}`;
    const keyRun = spawnSync(
      'npm',
      [
        'run',
        '--silent',
        'empi',
        '--',
        'apikey',
        'create',
        '--name',
        keyName,
        '--scopes',
        'register,match,links',
      ],
      {
        cwd: root,
        env,
        encoding: 'utf8',
      },
    );
    if (keyRun.status !== 0) throw new Error(`apikey create failed: ${keyRun.stderr}`);
    const key = keyRun.stdout.trim().split('\n').pop();

    // BENCH_API_NODE_ARGS, e.g. "--cpu-prof --cpu-prof-dir=tmp/prof": node options of the API only.
    const apiArgs = (process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean);
    // BENCH_API_MAIN: another build of the API (a copy of dist/apps/api/main.js), so two builds
    // can be compared in turns on the same database while the machine's load moves.
    const apiMain = process.env.BENCH_API_MAIN || 'dist/apps/api/main.js';
    log(`API: node ${[...apiArgs, apiMain].join(' ')}`);
    api = spawn('node', [...apiArgs, apiMain], {
      cwd: root,
      env: { ...env, PORT: String(port), EMPI_SEED_DEMO: 'false' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await waitForServer(`http://127.0.0.1:${port}/health`);

    const sample = await sampleRecords(records, 20000);
    const config = join(work, `load-${dbName}.json`);
    // --only match,records,links,health: a subset of the endpoints (default: all, in that order).
    const only = opt('only', '').split(',').filter(Boolean);
    writeFileSync(
      config,
      JSON.stringify({ url: `http://127.0.0.1:${port}`, key, duration, connections, sample, only }),
    );
    const loadCommand = `node tools/scripts/bench-api.mjs --load-generator ${config}`;
    log(
      `load generator (second process, autocannon API, ${connections} connections, ${duration} s each): $ ${loadCommand}`,
    );
    const load = spawnSync('node', ['tools/scripts/bench-api.mjs', '--load-generator', config], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (load.status !== 0) throw new Error('the load generator failed');
    const results = JSON.parse(load.stdout);
    const targets = { match: 20, records: 30, links: 5 };
    process.stdout.write(
      `\nbench:api: ${persons.toLocaleString('en-GB')} persons, ${recordCount.toLocaleString('en-GB')} records, PostgreSQL, ${connections} connections, ${duration} s per endpoint\n`,
    );
    if (!reuse)
      process.stdout.write(`bulk import: ${importSeconds.toFixed(1)} s (target for 1.4 M records: 600 s)\n`);
    process.stdout.write(
      'endpoint                 p50 ms  p95 ms  p99 ms   req/s  non-2xx  errors  target p95\n',
    );
    for (const [name, r] of Object.entries(results))
      process.stdout.write(
        `${r.label.padEnd(24)} ${fmt(r.p50)} ${fmt(r.p95)} ${fmt(r.p99)} ${String(Math.round(r.rps)).padStart(7)} ${String(r.non2xx).padStart(8)} ${String(r.errors).padStart(7)}  ${targets[name] ? `≤ ${targets[name]} ms` : '(none)'}${name === 'records' ? ', ≥ 500/s' : ''}\n`,
      );
    process.stdout.write(`load average after: ${(await loadAverage()).join(' ')}\n`);
  } finally {
    await cleanup();
  }
}

/** The second process: autocannon against the three endpoints, one after another. */
async function loadGenerator(configPath) {
  const { url, key, duration, connections, sample, only = [] } = JSON.parse(readFileSync(configPath, 'utf8'));
  const autocannon = (await import('autocannon')).default;
  const headers = { authorization: `Bearer ${key}`, 'content-type': 'application/json' };
  const runId = randomBytes(3).toString('hex');
  let n = 0;
  const pick = () => sample[n++ % sample.length];
  const variants = [
    (d) => d,
    (d) => ({ ...d, givenName: d.givenName?.toUpperCase() }),
    (d) => ({ ...d, postcode: undefined }),
    (d) => ({ ...d, nhsNumber: undefined }),
  ];
  // A new person: another first name and date of birth at the sampled person's address (a
  // relative, say), different for every request of every run. (All new people once shared one
  // birth date: on a kept database each run's new people then crowded one block, and every
  // registration scored a hundred of them.)
  const newPerson = (d, i) => {
    const h = createHash('sha256').update(`${runId}:${i}`).digest();
    const year = 1930 + (h.readUInt16BE(0) % 90);
    const month = String(1 + (h[2] % 12)).padStart(2, '0');
    const day = String(1 + (h[3] % 28)).padStart(2, '0');
    const suffix = String.fromCharCode(65 + (h[4] % 26), 65 + (h[5] % 26));
    return {
      ...d,
      nhsNumber: undefined,
      givenName: `${d.givenName ?? 'ALEX'}${suffix}`,
      dateOfBirth: `${year}-${month}-${day}`,
    };
  };
  const endpoints = {
    match: {
      label: 'POST /api/v1/match',
      method: 'POST',
      path: '/api/v1/match',
      body: () => JSON.stringify(variants[n % variants.length](strip(pick()))),
    },
    records: {
      label: 'POST /api/v1/records',
      method: 'POST',
      path: '/api/v1/records',
      // New registrations with unique local ids: half copies of an existing person's
      // demographics from another system (expected to link), half new people.
      body: () => {
        const i = n;
        const d = strip(pick());
        const demographics = i % 2 === 0 ? variants[i % variants.length](d) : newPerson(d, i);
        return JSON.stringify({ ...demographics, sourceSystem: 'BENCH', localId: `B${runId}-${i}` });
      },
    },
    links: {
      label: 'GET /api/v1/links',
      method: 'GET',
      path: () => {
        const r = pick();
        return `/api/v1/links?system=${encodeURIComponent(r.sourceSystem)}&localId=${encodeURIComponent(r.localId)}`;
      },
    },
    // The machine's floor for a request that reaches the database: no key, no audit, one
    // `SELECT 1` through the same framework and pool. Not an endpoint of issue 5's targets.
    health: {
      label: 'GET /health (floor)',
      method: 'GET',
      path: '/health',
      anonymous: true,
    },
  };
  const out = {};
  for (const [name, e] of Object.entries(endpoints)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const times = [];
    const result = await new Promise((resolve, reject) => {
      const instance = autocannon(
        {
          url,
          connections,
          duration,
          requests: [
            {
              method: e.method,
              setupRequest: (req) => {
                // A GET carries no body, so no content-type (the server would wait for one).
                const request = {
                  ...req,
                  headers: e.body ? headers : e.anonymous ? {} : { authorization: headers.authorization },
                  path: typeof e.path === 'function' ? e.path() : e.path,
                };
                if (e.body) request.body = e.body();
                return request;
              },
            },
          ],
        },
        (err, res) => (err ? reject(err) : resolve(res)),
      );
      instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
    });
    times.sort((a, b) => a - b);
    const q = (p) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? NaN;
    out[name] = {
      label: e.label,
      p50: q(50),
      p95: q(95),
      p99: q(99),
      rps: times.length / duration,
      non2xx: result.non2xx,
      errors: result.errors + result.timeouts,
    };
    process.stderr.write(`load: ${e.label}: ${times.length} responses, p95 ${q(95).toFixed(1)} ms\n`);
  }
  process.stdout.write(JSON.stringify(out));
}

function strip(r) {
  const { sourceSystem, localId, ...demographics } = r;
  void sourceSystem;
  void localId;
  return demographics;
}

/** Every k-th record of the file, as API bodies (demographics plus its system and local id). */
async function sampleRecords(path, wanted) {
  const lines = createInterface({ input: createReadStream(path, 'utf8') });
  let header = null;
  const all = [];
  for await (const line of lines) {
    if (header === null) {
      header = line.split(',');
      continue;
    }
    if (all.length < wanted * 4) all.push(line);
  }
  const camel = (h) => h.replace(/_([a-z])/g, (_m, c) => c.toUpperCase());
  const out = [];
  for (let i = 0; i < all.length && out.length < wanted; i += 4) {
    const fields = parseCsvLine(all[i]);
    if (fields.length !== header.length) continue;
    const r = {};
    header.forEach((h, j) => {
      if (fields[j] !== '' && h !== 'record_id') r[camel(h)] = fields[j];
    });
    if (!r.localId) r.localId = fields[header.indexOf('record_id')];
    if (!r.sourceSystem) r.sourceSystem = 'default';
    out.push(r);
  }
  return out;
}

function parseCsvLine(line) {
  const fields = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(cur);
      cur = '';
    } else cur += c;
  }
  fields.push(cur);
  return fields;
}

async function queryDb(pg, url, sql) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

async function waitForServer(url) {
  for (let i = 0; i < 240; i++) {
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the API did not answer ${url} within 120 s`);
}

function run(cmd, args, options = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (res.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${res.status})`);
}

async function loadAverage() {
  return (await import('node:os')).loadavg().map((l) => l.toFixed(2));
}

function fmt(ms) {
  return Number.isFinite(ms) ? ms.toFixed(1).padStart(7) : '      -';
}

function log(message) {
  process.stderr.write(`bench:api: ${message}\n`);
}
