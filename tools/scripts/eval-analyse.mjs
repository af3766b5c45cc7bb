// `node tools/scripts/eval-analyse.mjs POP_DIR OUT_DIR [examples]`: where the default model goes
// wrong on a generated population. POP_DIR holds records.csv, truth.csv, relations.csv (from
// `npm run fixtures`); OUT_DIR holds clusters.csv and pairs.csv (from `empi evaluate --out`).
// Prints false links by relation and safety rule, missed true pairs by cause (no shared
// blocking key / scored below review / held at review and why), with re-scored examples.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
process.env.TS_NODE_PROJECT = join(root, 'tools/tsconfig.tools.json');
require('ts-node').register({ transpileOnly: true });
require('tsconfig-paths').register({ baseUrl: root, paths: { '@concord/*': ['libs/*/src/index.ts'] } });
const { CsvParser, RecordCsvMapper } = require('@concord/domain');
const { DEFAULT_MODEL, blockingKeys, scorePair, standardise } = require('@concord/matching');

const [pop, out, nEx = '12'] = process.argv.slice(2);
const examples = Number(nEx);
const csv = (path) => {
  const p = new CsvParser();
  return [...p.push(readFileSync(path, 'utf8')), ...p.end()].map((r) => r.fields);
};
const rows = csv(join(pop, 'records.csv'));
const mapper = new RecordCsvMapper({ fields: rows[0], line: 1 });
const raw = new Map();
for (let i = 1; i < rows.length; i++) {
  const r = mapper.map({ fields: rows[i], line: i + 1 });
  if (r && r.ok) raw.set(r.record.recordId, r.record);
}
const person = new Map(csv(join(pop, 'truth.csv')).slice(1).map(([id, p]) => [id, p]));
const relation = new Map();
for (const [a, b, rel] of csv(join(pop, 'relations.csv')).slice(1)) relation.set(a < b ? `${a}|${b}` : `${b}|${a}`, rel);
const cluster = new Map(csv(join(out, 'clusters.csv')).slice(1).map(([id, c]) => [id, c]));
const decided = new Map();
for (const [a, b, , p, d] of csv(join(out, 'pairs.csv')).slice(1)) decided.set(a < b ? `${a}|${b}` : `${b}|${a}`, { p: Number(p), d });

const std = new Map();
const S = (id) => std.get(id) ?? (std.set(id, standardise(raw.get(id))), std.get(id));
const show = (id) => {
  const r = raw.get(id);
  return `${r.nhsNumber || '-'} ${r.familyName}, ${r.givenName} [${r.otherGivenNames || ''}] ${r.dateOfBirth} ${r.sex} ${r.postcode} | ${r.addressLine} | ${r.phone}`;
};
const explain = (a, b) => {
  const s = scorePair(S(a), S(b), DEFAULT_MODEL);
  const lv = s.comparisons.map((c) => `${c.field}=${c.level}(${c.weight.toFixed(1)})`).join(' ');
  return { s, text: `w=${s.weight.toFixed(1)} ${s.decision} rules=[${s.rules.map((r) => r.rule).join(',')}] ${lv}` };
};
const tally = (m, k) => m.set(k, (m.get(k) ?? 0) + 1);
const print = (title, m) => {
  console.log(`\n## ${title}`);
  for (const [k, v] of [...m.entries()].sort((x, y) => y[1] - x[1])) console.log(`${String(v).padStart(7)}  ${k}`);
};

// False links: record pairs sharing an output cluster but not a person.
const byCluster = new Map();
for (const [id, c] of cluster) (byCluster.get(c) ?? byCluster.set(c, []).get(c)).push(id);
const falseBy = new Map();
const falseEx = [];
for (const members of byCluster.values()) {
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i], members[j]];
      const pa = person.get(a), pb = person.get(b);
      if (pa === pb) continue;
      const rel = relation.get(pa < pb ? `${pa}|${pb}` : `${pb}|${pa}`) ?? 'unrelated';
      const direct = decided.get(a < b ? `${a}|${b}` : `${b}|${a}`)?.d === 'link' ? 'direct' : 'transitive';
      tally(falseBy, `${rel} ${direct}`);
      if (falseEx.length < examples * 3) falseEx.push([rel, direct, a, b]);
    }
}
print('false links (record pairs) by relation', falseBy);
for (const [rel, direct, a, b] of falseEx.slice(0, examples)) {
  console.log(`\n[${rel} ${direct}] ${explain(a, b).text}\n  ${show(a)}\n  ${show(b)}`);
}

// Missed true pairs.
const byPerson = new Map();
for (const [id, p] of person) (byPerson.get(p) ?? byPerson.set(p, []).get(p)).push(id);
const missBy = new Map();
const missEx = new Map();
for (const members of byPerson.values()) {
  for (let i = 0; i < members.length; i++)
    for (let j = i + 1; j < members.length; j++) {
      const [a, b] = [members[i], members[j]];
      if (cluster.get(a) === cluster.get(b)) continue;
      const d = decided.get(a < b ? `${a}|${b}` : `${b}|${a}`);
      const ka = new Set(blockingKeys(S(a), DEFAULT_MODEL));
      const blocked = blockingKeys(S(b), DEFAULT_MODEL).some((k) => ka.has(k));
      const { s } = explain(a, b);
      const rules = s.rules.map((r) => r.rule).join(',') || 'no rule';
      const cause = !blocked ? 'no shared blocking key' : d ? `pair ${d.d}` : `scored ${s.decision}`;
      const key = `${cause} | ${rules}`;
      tally(missBy, key);
      const ex = missEx.get(key) ?? missEx.set(key, []).get(key);
      if (ex.length < 3) ex.push([a, b]);
    }
}
print('missed true pairs (record pairs) by cause | safety rules on rescoring', missBy);
const top = [...missBy.entries()].sort((x, y) => y[1] - x[1]).slice(0, examples);
for (const [key] of top) {
  for (const [a, b] of missEx.get(key).slice(0, 2)) console.log(`\n[${key}] ${explain(a, b).text}\n  ${show(a)}\n  ${show(b)}`);
}

// The review queue: who is in it (same person, a labelled look-alike, or unrelated) and why.
const reviewBy = new Map();
for (const [key, { d, p }] of decided) {
  if (d !== 'review') continue;
  const [a, b] = key.split('|');
  const pa = person.get(a), pb = person.get(b);
  const who = pa === pb ? 'same person' : relation.get(pa < pb ? `${pa}|${pb}` : `${pb}|${pa}`) ?? 'unrelated';
  const { s } = explain(a, b);
  const why = s.decision === 'link' ? 'held by clustering' : s.rules.map((r) => r.rule).join(',') || `p=${p < 0.5 ? '<0.5' : '>=0.5'}`;
  tally(reviewBy, `${who} | ${why}`);
}
print('review pairs by truth | why review', reviewBy);

// Review pairs that score a link here but were refused by clustering: which rule, on which cross
// pair of the two clusters (between records of one person, or of two), stopped the join. The
// re-scoring here has no term frequencies, so "none" is mostly a pair whose batch weight (with
// them) was below the link threshold rather than a refused join.
const heldBy = new Map();
for (const [key, { d }] of decided) {
  if (d !== 'review') continue;
  const [a, b] = key.split('|');
  if (explain(a, b).s.decision !== 'link') continue;
  const why = new Set();
  for (const i of byCluster.get(cluster.get(a)) ?? [a])
    for (const j of byCluster.get(cluster.get(b)) ?? [b]) {
      const same = person.get(i) === person.get(j) ? 'same' : 'two';
      for (const r of explain(i, j).s.rules) why.add(`${r.rule} (${same})`);
      const x = S(i), y = S(j);
      if (x.nhsValid && y.nhsValid && x.nhs !== y.nhs) why.add(`two NHS numbers (${same})`);
    }
  tally(heldBy, `${person.get(a) === person.get(b) ? 'same person' : 'different'} | ${[...why].sort().join(', ') || 'none (batch weight below link?)'}`);
}
print('review pairs held by clustering | cross-pair rules between the two clusters (records of one person / of two)', heldBy);
