// `npm run bench:fixtures [-- --persons N]`: times the data-fixtures generator on a
// 1,000,000-person population (default) written to a temporary folder, and prints persons,
// records, seconds, records/s and peak RSS. The figure goes in data-fixtures/README.md.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = process.argv.indexOf('--persons');
const persons = at > 0 ? Number(process.argv[at + 1]) : 1_000_000;
const out = mkdtempSync(join(tmpdir(), 'concord-bench-fixtures-'));
try {
  const run = spawnSync(
    process.execPath,
    [join(root, 'tools', 'scripts', 'fixtures.mjs'), '--persons', String(persons), '--seed', 'bench', '--out', out, '--report', 'json'],
    { cwd: root, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' },
  );
  if (run.status !== 0) process.exit(run.status ?? 1);
  const line = run.stdout.trim().split('\n').pop();
  const r = JSON.parse(line);
  const perSecond = Math.round(r.records / r.seconds);
  process.stdout.write(
    `bench:fixtures persons=${r.persons} records=${r.records} seconds=${r.seconds.toFixed(1)} ` +
      `records/s=${perSecond} peakRSS=${Math.round(r.peakRssMb)}MB (Node ${process.versions.node}, one thread)\n`,
  );
} finally {
  rmSync(out, { recursive: true, force: true });
}
