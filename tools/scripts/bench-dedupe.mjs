// `npm run bench:dedupe`: end-to-end `empi dedupe` (read, standardise, block, compare,
// cluster, write) on generated NHS-shaped populations. BENCH_SIZES=100000,300000,1000000 by
// default; BENCH_WORKERS=0,2 by default (0: everything on the main thread; N: N worker
// threads with the default --worker-stages auto; N:read, N:all), the modes alternating per size so that both see the same load. Prints wall time,
// peak RSS, the 1-minute load average before and after (`os.loadavg`: the machine is shared),
// records/s, candidate pairs and the stage timings.
// Timings on shared machines fluctuate: run twice before trusting a figure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sizes = (process.env.BENCH_SIZES ?? '100000,300000,1000000').split(',').map(Number);
const modes = (process.env.BENCH_WORKERS ?? '0,2').split(',');
const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
};
sh('npx', ['nx', 'run', 'cli:build', '--skip-nx-cache=false']);
console.log(
  '| persons | records | workers | wall s | peak RSS MB | load before → after | records/s | candidate pairs |',
);
console.log('|---|---|---|---|---|---|---|---|');
for (const n of sizes) {
  const dir = join(root, 'tmp', 'bench', `p${n}`);
  if (!existsSync(join(dir, 'records.csv')))
    sh('npm', ['run', 'fixtures', '--', '--persons', String(n), '--seed', '11', '--out', dir]);
  for (const mode of modes) {
    // A mode is a worker count, optionally with the stages: `2` (auto), `2:read` or `2:all`.
    const [workers, stages] = mode.split(':');
    const args = [
      'dedupe',
      '--input',
      join(dir, 'records.csv'),
      '--out',
      join(dir, `out-${mode}`),
      '--workers',
      workers,
    ];
    if (stages) args.push('--worker-stages', stages);
    const loadBefore = loadavg()[0];
    const t0 = Date.now();
    const r = sh('/usr/bin/time', ['-f', 'RSS_KB=%M', 'node', join(root, 'dist/apps/cli/main.js'), ...args]);
    const wall = (Date.now() - t0) / 1000;
    const loadAfter = loadavg()[0];
    const rss = Number(/RSS_KB=(\d+)/.exec(r.stderr)[1]) / 1024;
    const records = Number(/dedupe: (\d+) records/.exec(r.stdout)[1]);
    const pairs = Number(/(\d+) candidate pairs/.exec(r.stdout)[1]);
    console.log(
      `| ${n} | ${records} | ${mode} | ${wall.toFixed(1)} | ${rss.toFixed(0)} | ${loadBefore.toFixed(1)} → ${loadAfter.toFixed(1)} | ${Math.round(records / wall)} | ${pairs} |`,
    );
    console.error(`${n} persons, workers ${mode}: ${/timings ms: (\{.*\})/.exec(r.stderr)[1]}`);
  }
}
