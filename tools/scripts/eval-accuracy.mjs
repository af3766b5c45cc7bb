// `npm run eval:accuracy`: the accuracy table of libs/matching/README.md. Converts the public
// datasets (data-fixtures/public), generates the NHS-shaped population (100,000 persons by
// default, EVAL_PERSONS to change) and runs `empi evaluate --json` on each.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = join(root, 'tmp', 'eval');
const persons = Number(process.env.EVAL_PERSONS ?? 100000);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, TZ: 'UTC' }, maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r.stdout;
};
run('node', [join(root, 'data-fixtures/public/convert.mjs'), tmp]);
run('npx', ['nx', 'run', 'cli:build', '--skip-nx-cache=false']);
const pop = join(tmp, `nhs-${persons}`);
if (!existsSync(join(pop, 'relations.csv'))) run('npm', ['run', 'fixtures', '--', '--persons', String(persons), '--seed', '7', '--out', pop]);

// The public datasets start EM from febrl-model.json / splink-model.json (written by
// convert.mjs: the NHS model with the twins guards off and capped name blocking rules).
const cases = [
  ['FEBRL1 (--estimate, febrl-model)', 'dataset1.csv', 'dataset1-truth.csv', true, 'febrl-model.json'],
  ['FEBRL2 (--estimate, febrl-model)', 'dataset2.csv', 'dataset2-truth.csv', true, 'febrl-model.json'],
  ['FEBRL3 (--estimate, febrl-model)', 'dataset3.csv', 'dataset3-truth.csv', true, 'febrl-model.json'],
  ['FEBRL3 demographics only (--estimate, febrl-model)', 'dataset3-demo.csv', 'dataset3-demo-truth.csv', true, 'febrl-model.json'],
  ['FEBRL3 (--estimate, NHS default model)', 'dataset3.csv', 'dataset3-truth.csv', true, null],
  ['splink fake_1000 (--estimate, splink-model)', 'fake_1000.csv', 'fake_1000-truth.csv', true, 'splink-model.json'],
  ['splink fake_1000 (--estimate, febrl-model: link 0.99)', 'fake_1000.csv', 'fake_1000-truth.csv', true, 'febrl-model.json'],
  [`NHS population ${persons} persons (default model)`, join(pop, 'records.csv'), join(pop, 'truth.csv'), false, null],
];
const rows = [];
for (const [name, input, truth, estimate, config] of cases) {
  const args = ['--enable-source-maps', join(root, 'dist/apps/cli/main.js'), 'evaluate', '--input', resolve(tmp, input), '--truth', resolve(tmp, truth), '--json'];
  if (estimate) args.push('--estimate');
  if (config) args.push('--config', join(tmp, config));
  if (!estimate) args.push('--relations', join(pop, 'relations.csv'));
  const m = JSON.parse(run('node', args).trim().split('\n').pop());
  rows.push({ name, ...m });
}
const f = (x) => x.toFixed(4);
console.log('| dataset | records | true pairs | precision | recall | F1 | link+review recall | review pairs (% records) |');
console.log('|---|---|---|---|---|---|---|---|');
for (const r of rows) {
  console.log(
    `| ${r.name} | ${r.records} | ${r.truePairs} | ${f(r.precision)} | ${f(r.recall)} | ${f(r.f1)} | ${f(r.linkOrReviewRecall)} | ${r.reviewPairs} (${((100 * r.reviewPairs) / r.records).toFixed(1)} %) |`,
  );
}
const nhs = rows[rows.length - 1];
console.log('\nLook-alike persons auto-linked (NHS population; target 0): ' +
  Object.entries(nhs.relations ?? {}).map(([rel, c]) => `${rel} ${c.linkedPersonPairs}/${c.personPairs} (${c.linkedRecordPairs} record pairs)`).join(', '));
