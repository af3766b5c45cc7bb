// `npm run bench:dedupe`: end-to-end `empi dedupe` (read, standardise, block, compare,
// cluster, write) on generated NHS-shaped populations. BENCH_SIZES=100000,300000,1000000 by
// default. Prints wall time, peak RSS, records/s, candidate pairs and comparisons/s.
// Timings on shared machines fluctuate: run twice before trusting a figure.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const sizes = (process.env.BENCH_SIZES ?? '100000,300000,1000000').split(',').map(Number);
const sh = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
};
sh('npx', ['nx', 'run', 'cli:build', '--skip-nx-cache=false']);
console.log('| persons | records | wall s | peak RSS MB | records/s | candidate pairs | comparisons/s |');
console.log('|---|---|---|---|---|---|---|');
for (const n of sizes) {
  const dir = join(root, 'tmp', 'bench', `p${n}`);
  if (!existsSync(join(dir, 'records.csv'))) sh('npm', ['run', 'fixtures', '--', '--persons', String(n), '--seed', '11', '--out', dir]);
  const t0 = Date.now();
  const r = sh('/usr/bin/time', ['-f', 'RSS_KB=%M', 'node', join(root, 'dist/apps/cli/main.js'), 'dedupe', '--input', join(dir, 'records.csv'), '--out', join(dir, 'out')]);
  const wall = (Date.now() - t0) / 1000;
  const rss = Number(/RSS_KB=(\d+)/.exec(r.stderr)[1]) / 1024;
  const records = Number(/dedupe: (\d+) records/.exec(r.stdout)[1]);
  const pairs = Number(/(\d+) candidate pairs/.exec(r.stdout)[1]);
  const timings = JSON.parse(/timings ms: (\{.*\})/.exec(r.stderr)[1]);
  const compareS = (timings.compare + timings.score) / 1000;
  console.log(
    `| ${n} | ${records} | ${wall.toFixed(1)} | ${rss.toFixed(0)} | ${Math.round(records / wall)} | ${pairs} | ${Math.round(pairs / Math.max(compareS, 0.001))} (1 thread) |`,
  );
  console.error(r.stderr.split('\n').filter((l) => l.startsWith('blocking') || l.startsWith('timings')).join('\n'));
}
