import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../testing/run-command';
import { dedupeCommand } from './dedupe';
import { evaluateCommand } from './evaluate';

// The committed, seeded demo population (about 2,000 persons, 3,025 records).
const DEMO = join(__dirname, '..', '..', '..', '..', 'data-fixtures', 'populations', 'demo');

// Worker threads load the TypeScript sources through ts-node here: slower than the bundle.
jest.setTimeout(180_000);

describe('dedupe on worker threads', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-cli-dedupe-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const run = async (input: string, workers: number, extra: string[] = []) => {
    const out = join(dir, `out-${workers}-${Math.random().toString(36).slice(2)}`);
    const res = await runCommand(dedupeCommand, [
      '--input',
      input,
      '--out',
      out,
      '--workers',
      String(workers),
      ...extra,
    ]);
    expect(res.code).toBe(0);
    return {
      ...res,
      clusters: readFileSync(join(out, 'clusters.csv'), 'utf8'),
      pairs: readFileSync(join(out, 'pairs.csv'), 'utf8'),
      summary: res.stdout.replace(/; [\d.]+ s \(\d+ records\/s\)/, ''),
      rejected: res.stderr.split('\n').filter((l) => l.includes('rejected:')),
    };
  };

  it('writes the same clusters.csv and pairs.csv with 1 worker, 2 workers and on the main thread', async () => {
    const input = join(DEMO, 'records.csv');
    const one = await run(input, 1);
    const two = await run(input, 2);
    const main = await run(input, 0);
    expect(one.pairs.split('\n').length).toBeGreaterThan(500);
    expect(two.clusters).toBe(one.clusters);
    expect(two.pairs).toBe(one.pairs);
    expect(two.summary).toBe(one.summary);
    expect(main.clusters).toBe(one.clusters);
    expect(main.pairs).toBe(one.pairs);
    // Blocking parts, compare and score on the workers too.
    for (const workers of [1, 2]) {
      const all = await run(input, workers, ['--worker-stages', 'all']);
      expect(all.clusters).toBe(one.clusters);
      expect(all.pairs).toBe(one.pairs);
      expect(all.summary).toBe(one.summary);
    }
    expect(one.summary).toMatch(/^dedupe: 3025 records \(0 rejected\) -> \d+ persons; \d+ candidate pairs/);
  });

  // EM draws 2 M random pairs on the main thread whatever the input size: a slow test on a busy machine.
  it('gives the same model and results with --estimate on 1 and 2 workers', async () => {
    const input = join(DEMO, 'records.csv');
    const one = await run(input, 1, ['--estimate', '--seed', '7']);
    const two = await run(input, 2, ['--estimate', '--seed', '7', '--worker-stages', 'all']);
    expect(two.clusters).toBe(one.clusters);
    expect(two.pairs).toBe(one.pairs);
    expect(two.summary).toBe(one.summary);
  }, 400_000);

  it('rejects the same rows with the same line numbers, also across the split (repeated ids, quoted line breaks)', async () => {
    const header = 'record_id,family_name,given_name,date_of_birth,sex,postcode,address_line';
    const rows: string[] = [];
    for (let i = 0; i < 400; i++) {
      const address = i % 50 === 7 ? `"${i} High Street\nLeeds"` : `${i} High Street`;
      rows.push(
        `R${i},SMITH${i % 20},JOHN,1970-01-${String(1 + (i % 28)).padStart(2, '0')},M,LS1 ${i % 9}AB,${address}`,
      );
    }
    rows.push('R3,SMITH,JOHN,1970-01-02,M,LS1 1AB,repeated id at the end');
    rows.splice(300, 0, 'R10,JONES,ANN,1980-02-02,F,LS2 2AB,repeated id in the second half');
    rows.splice(320, 0, 'R-bad,too,few');
    const input = join(dir, 'edge.csv');
    writeFileSync(input, [header, ...rows].join('\n') + '\n');
    const main = await run(input, 0);
    for (const stages of ['all', 'read']) {
      const two = await run(input, 2, ['--worker-stages', stages]);
      expect(two.rejected).toEqual(main.rejected);
      expect(two.clusters).toBe(main.clusters);
      expect(two.pairs).toBe(main.pairs);
    }
    expect(main.rejected).toHaveLength(3);
    expect(main.rejected[0]).toMatch(/edge\.csv:\d+: rejected: record_id "R10" appears earlier in the file/);
  });

  it('refuses a file without a record_id column or without a header with one plain message on every path', async () => {
    const noId = join(dir, 'no-id.csv');
    writeFileSync(noId, 'rec_id,given_name,surname\nrec-1-org,ann,smith\n');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const fail = async (input: string, workers: number) => {
      const run = runCommand(dedupeCommand, [
        '--input',
        input,
        '--out',
        join(dir, 'never'),
        '--workers',
        String(workers),
      ]);
      const error: Error = await run.then(
        () => new Error('expected a failure'),
        (e: Error) => e,
      );
      return error.message;
    };
    for (const workers of [0, 2]) {
      const message = await fail(noId, workers);
      expect(message).toBe('line 1: the header has no record_id column (found: rec_id, given_name, surname)');
      expect(await fail(empty, workers)).toBe(`${empty} is empty (no header row)`);
    }
  });

  it('reads a file whose split point falls inside a quoted field', async () => {
    const header = 'record_id,family_name,given_name,date_of_birth,address_line';
    const long = `"${Array.from({ length: 400 }, (_, i) => `line ${i}`).join('\n')}"`;
    const rows = [
      'A1,SMITH,JOHN,1970-01-01,1 High St',
      `A2,SMITH,JOHN,1970-01-01,${long}`,
      'A3,SMITH,JON,1970-01-01,1 High St',
    ];
    const input = join(dir, 'quoted.csv');
    writeFileSync(input, [header, ...rows].join('\n') + '\n');
    const main = await run(input, 0);
    const two = await run(input, 2, ['--worker-stages', 'all']);
    expect(two.stderr).toMatch(/a quoted field spans a split point/);
    expect(two.clusters).toBe(main.clusters);
    expect(two.pairs).toBe(main.pairs);
    expect(main.clusters.split('\n')).toHaveLength(5);
  });

  it('evaluate gives the same figures with 1 and 2 workers', async () => {
    const args = ['--input', join(DEMO, 'records.csv'), '--truth', join(DEMO, 'truth.csv'), '--json'];
    const one = await runCommand(evaluateCommand, [...args, '--workers', '1']);
    const two = await runCommand(evaluateCommand, [...args, '--workers', '2', '--worker-stages', 'all']);
    const strip = (s: string) => {
      const m = JSON.parse(s.trim().split('\n').pop() ?? '{}');
      delete m.stats.timings;
      return m;
    };
    expect(strip(two.stdout)).toEqual(strip(one.stdout));
    expect(strip(one.stdout).f1).toBeGreaterThan(0.9);
  });
});
