// `npm run bench:score`: real-time scoring latency — one incoming record standardised and
// scored (scorePair) against 20 candidates, as the API does on registration. A speed figure,
// so it lives here and prints numbers; tests never assert timings (they would fail on a
// loaded machine and pass on a fast one without saying anything about the code).
// Runs the TypeScript sources through ts-node (transpile only) with the workspace paths.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const body = `
const { DEFAULT_MODEL, scorePair, scoreAgainstPerson, standardise } = require('@concord/matching');
const base = { recordId: 'a', nhsNumber: '943 476 5919', familyName: 'Smith', givenName: 'John',
  dateOfBirth: '1980-01-02', sex: 'M', postcode: 'LS1 4AP', addressLine: '12 High St' };
const names = ['JOHN', 'JON', 'JOHNNY', 'JANE'];
const cands = Array.from({ length: 20 }, (_, i) => standardise({ ...base, recordId: String(i),
  givenName: names[i % 4], dateOfBirth: '1980-01-' + (10 + i) }));
const time = (label, rounds, fn) => {
  for (let i = 0; i < 2000; i++) fn(i);
  const runs = [];
  for (let r = 0; r < 5; r++) {
    const t = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) fn(i);
    runs.push(Number(process.hrtime.bigint() - t) / 1e6 / rounds);
  }
  runs.sort((a, b) => a - b);
  console.log('| ' + label + ' | ' + runs[0].toFixed(4) + ' | ' + runs[2].toFixed(4) + ' |');
};
console.log('| operation | best ms | median ms |');
console.log('|---|---|---|');
time('standardise one record', 20000, (i) => standardise({ ...base, recordId: String(i) }));
time('scorePair x 20 candidates', 5000, () => { const rec = cands[0]; for (const c of cands) scorePair(rec, c, DEFAULT_MODEL); });
time('standardise + scoreAgainstPerson (20 records)', 5000, (i) => scoreAgainstPerson(standardise({ ...base, recordId: 'n' + i }), cands, DEFAULT_MODEL));
`;
const r = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', '-e', body], {
  cwd: root,
  stdio: 'inherit',
  env: { ...process.env, TZ: 'UTC', TS_NODE_PROJECT: join(root, 'tools/tsconfig.tools.json') },
});
process.exit(r.status ?? 1);
