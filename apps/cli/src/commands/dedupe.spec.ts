import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from '../testing/run-command';
import { dedupeCommand } from './dedupe';
import { evaluateCommand } from './evaluate';
import { trainCommand } from './train';

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

// CONTRACT §2: a later row for the same (source_system, local_id) is an update of that registration.
describe('batch commands and updates of a registration', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'concord-cli-updates-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const header =
    'record_id,source_system,local_id,family_name,given_name,date_of_birth,sex,postcode,address_line';
  const FAMILY = [
    'ADAMS',
    'BAKER',
    'CLARKE',
    'DAVIES',
    'EVANS',
    'FOSTER',
    'GREEN',
    'HUGHES',
    'IRVING',
    'JACKSON',
  ];
  const GIVEN = ['ALICE', 'BEN', 'CAROL', 'DAVID', 'EMMA', 'FRANK', 'GRACE', 'HARRY', 'ISLA', 'JACK', 'KATE'];
  /** 150 persons on RIS-A, every third also on PAS-B (a second registration to link). */
  const filler = (): string[] => {
    const rows: string[] = [];
    for (let i = 0; i < 150; i++) {
      for (const system of i % 3 === 0 ? ['RIS-A', 'PAS-B'] : ['RIS-A']) {
        const dob = `19${40 + (i % 60)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
        rows.push(
          `${system === 'RIS-A' ? 'F' : 'G'}${i},${system},${system.slice(0, 3)}${i},${FAMILY[i % 10]},${GIVEN[(i * 7) % 11]},${dob},${'MF'[i % 2]},LS${1 + (i % 30)} ${i % 9}AB,${i} Station Road`,
        );
      }
    }
    return rows;
  };
  // U1 is registration RIS-A/MRN-U as first sent (Ann Jones, like W1); U2, at the end of the
  // file (after the workers' split point), updates it to Mary Smith, like V1.
  const OLD = 'U1,RIS-A,MRN-U,JONES,ANN,1980-05-05,F,LS1 1AA,1 Park Row';
  const NEW = 'U2,RIS-A,MRN-U,SMITH,MARY,1980-05-05,F,LS6 2BB,9 New Road';
  const rowsWithUpdate = (): string[] => [
    OLD,
    'W1,PAS-B,X10,JONES,ANN,1980-05-05,F,LS1 1AA,1 Park Row',
    ...filler(),
    'V1,PAS-B,X9,SMITH,MARY,1980-05-05,F,LS6 2BB,9 New Road',
    NEW,
  ];
  const write = (name: string, rows: string[]) => {
    const path = join(dir, name);
    writeFileSync(path, [header, ...rows].join('\n') + '\n');
    return path;
  };
  const dedupe = async (input: string, extra: string[]) => {
    const out = join(dir, `out-${Math.random().toString(36).slice(2)}`);
    const res = await runCommand(dedupeCommand, ['--input', input, '--out', out, ...extra]);
    expect(res.code).toBe(0);
    const clusters = readFileSync(join(out, 'clusters.csv'), 'utf8');
    const person = new Map(
      clusters
        .trim()
        .split('\n')
        .slice(1)
        .map((l) => l.split(',') as [string, string]),
    );
    return { ...res, clusters, pairs: readFileSync(join(out, 'pairs.csv'), 'utf8'), person };
  };

  it('scores the latest row of a registration only, and gives its earlier row the same person', async () => {
    const input = write('update.csv', rowsWithUpdate());
    const main = await dedupe(input, ['--workers', '0']);
    expect(main.stdout).toMatch(/^dedupe: 204 records \(0 rejected, 1 update\) -> /);
    expect(main.clusters.trim().split('\n')).toHaveLength(1 + 204);
    expect(main.person.get('U1')).toBe(main.person.get('U2'));
    expect(main.person.get('V1')).toBe(main.person.get('U2'));
    // The old version would have linked Ann Jones's look-alike: it is not scored at all.
    expect(main.person.get('W1')).not.toBe(main.person.get('U2'));
    expect(main.pairs).not.toMatch(/U1/);
    expect(main.pairs).toMatch(/^V1,U2,/m);
    for (const stages of ['all', 'read']) {
      const two = await dedupe(input, ['--workers', '2', '--worker-stages', stages]);
      expect(two.clusters).toBe(main.clusters);
      expect(two.pairs).toBe(main.pairs);
      expect(two.stdout.replace(/; [\d.]+ s .*/, '')).toBe(main.stdout.replace(/; [\d.]+ s .*/, ''));
    }
  });

  it('resolves updates the same on worker threads: chains, the default source system, rows rejected across the split', async () => {
    const rows = rowsWithUpdate();
    // One registration sent three times (empty source_system is `default`), the middle row
    // after a row the workers reject across the split (F3 repeats a record_id of the first half).
    rows.splice(5, 0, 'C1,,L5,BROWN,TOM,1990-02-03,M,LS2 7QQ,3 Mill Lane');
    rows.splice(150, 0, 'F3,RIS-A,repeated-record-id,BLACK,JO,1999-09-09,F,LS9 9ZZ,9 Hill Top');
    rows.splice(170, 0, 'C2,default,L5,BROWN,THOMAS,1990-02-03,M,LS2 7QQ,3 Mill Lane');
    rows.push(
      'C3,default,L5,BROWN,THOMAS,1990-02-03,M,LS3 1AB,12 Canal Street',
      // Another system's L5: another registration.
      'N1,RIS-A,L5,BROWN,TOM,1990-02-03,M,LS2 7QQ,3 Mill Lane',
    );
    const input = write('chains.csv', rows);
    const main = await dedupe(input, ['--workers', '0']);
    expect(main.stdout).toMatch(/\(1 rejected, 3 updates\)/);
    expect(main.stderr).toMatch(/rejected: record_id "F3" appears earlier in the file/);
    expect(main.clusters.trim().split('\n')).toHaveLength(1 + rows.length - 1);
    expect(new Set(['C1', 'C2', 'C3'].map((id) => main.person.get(id))).size).toBe(1);
    expect(main.pairs).not.toMatch(/\b(U1|C1|C2),/);
    for (const stages of ['all', 'read']) {
      const two = await dedupe(input, ['--workers', '2', '--worker-stages', stages]);
      expect(two.clusters).toBe(main.clusters);
      expect(two.pairs).toBe(main.pairs);
    }
  });

  // The same file with the superseded rows left out: what train and evaluate must see.
  const rowsWithoutOld = () => rowsWithUpdate().filter((r) => r !== OLD);

  it('train ignores a superseded row', async () => {
    const train = async (input: string, workers: string) => {
      const out = join(dir, `model-${Math.random().toString(36).slice(2)}.json`);
      const res = await runCommand(trainCommand, ['--input', input, '--out', out, '--workers', workers]);
      return { ...res, model: readFileSync(out, 'utf8') };
    };
    const withUpdate = write('train-update.csv', rowsWithUpdate());
    const without = await train(write('train-latest.csv', rowsWithoutOld()), '0');
    for (const workers of ['0', '2']) {
      const res = await train(withUpdate, workers);
      expect(res.stdout).toMatch(/^train: 204 records \(1 update\), /);
      expect(res.model).toBe(without.model);
    }
  });

  it('evaluate measures registrations: a superseded row adds no pair and its label is not read', async () => {
    const truth = join(dir, 'truth.csv');
    const ids = rowsWithUpdate().map((r) => r.split(',')[0]);
    // U1 and U2 are one registration; the label of the superseded U1 would make it a true pair.
    const keyOf = (id: string) =>
      id === 'V1' || id === 'U1' || id === 'U2'
        ? 'P-MARY'
        : /^[FG]/.test(id)
          ? `P-${id.slice(1)}`
          : `P-${id}`;
    writeFileSync(
      truth,
      ['record_id,person_key', ...ids.map((id) => `${id},${keyOf(id)}`)].join('\n') + '\n',
    );
    const evaluate = async (input: string, extra: string[]) => {
      const res = await runCommand(evaluateCommand, ['--input', input, '--truth', truth, '--json', ...extra]);
      const m = JSON.parse(res.stdout.trim().split('\n').pop() ?? '{}');
      delete m.stats.timings;
      return m;
    };
    const without = await evaluate(write('eval-latest.csv', rowsWithoutOld()), ['--workers', '0']);
    const withUpdate = write('eval-update.csv', rowsWithUpdate());
    for (const extra of [
      ['--workers', '0'],
      ['--workers', '2', '--worker-stages', 'all'],
    ]) {
      expect(await evaluate(withUpdate, extra)).toEqual({ ...without, updates: 1 });
    }
  });
});
