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

for (const d of ['dataset1', 'dataset2', 'dataset3']) febrl(d);
splink();
console.log(`wrote converted datasets to ${out}`);
