import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CsvParser, RecordCsvMapper, recordCsvHeader } from '@concord/domain';
import { writePopulation } from './writer';
import { generatePopulationSync } from './generate';
import { PopulationSummary } from './summary';

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'fixtures-spec-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function read(dir: string): { records: string; truth: string; summary: string } {
  return {
    records: readFileSync(join(dir, 'records.csv'), 'utf8'),
    truth: readFileSync(join(dir, 'truth.csv'), 'utf8'),
    summary: readFileSync(join(dir, 'summary.json'), 'utf8'),
  };
}

describe('population files', () => {
  let first: ReturnType<typeof read>;
  let summary: PopulationSummary;

  beforeAll(async () => {
    const dir = tempDir();
    summary = (await writePopulation({ persons: 3000, seed: 'spec-a' }, dir)).summary;
    first = read(dir);
  });

  it('gives byte-identical files for the same seed', async () => {
    const dir = tempDir();
    await writePopulation({ persons: 3000, seed: 'spec-a' }, dir);
    const again = read(dir);
    expect(again.records).toBe(first.records);
    expect(again.truth).toBe(first.truth);
    expect(again.summary).toBe(first.summary);
  });

  it('gives different files for a different seed', async () => {
    const dir = tempDir();
    await writePopulation({ persons: 3000, seed: 'spec-b' }, dir);
    const other = read(dir);
    expect(other.records).not.toBe(first.records);
    expect(other.truth).not.toBe(first.truth);
  });

  it('does not depend on the time zone', () => {
    const before = process.env.TZ;
    process.env.TZ = 'Pacific/Kiritimati';
    const far = generatePopulationSync({ persons: 300, seed: 'tz' }).records.map((r) => r.record.dateOfBirth);
    process.env.TZ = 'UTC';
    const utc = generatePopulationSync({ persons: 300, seed: 'tz' }).records.map((r) => r.record.dateOfBirth);
    process.env.TZ = before;
    expect(far).toEqual(utc);
  });

  it('writes the contract header and records every mapper accepts', () => {
    expect(first.records.startsWith(recordCsvHeader())).toBe(true);
    const parser = new CsvParser();
    const rows = [...parser.push(first.records), ...parser.end()];
    const mapper = new RecordCsvMapper(rows[0]);
    const bad = rows.slice(1).map((r) => mapper.map(r)).filter((r) => r !== null && !r.ok);
    expect(bad).toEqual([]);
    expect(rows.length - 1).toBe(summary.records);
  });

  it('has truth.csv with every record exactly once, in the same order as records.csv', () => {
    const recordIds = first.records.trim().split('\n').slice(1).map((l) => l.slice(0, l.indexOf(',')));
    const truthRows = first.truth.trim().split('\n');
    expect(truthRows[0]).toBe('record_id,person_key');
    const truthIds = truthRows.slice(1).map((l) => l.split(',')[0]);
    expect(truthIds).toEqual(recordIds);
    expect(new Set(recordIds).size).toBe(recordIds.length);
  });

  it('reports persons, records and true pairs that agree with truth.csv', () => {
    const perPerson = new Map<string, number>();
    for (const line of first.truth.trim().split('\n').slice(1)) {
      const key = line.split(',')[1];
      perPerson.set(key, (perPerson.get(key) ?? 0) + 1);
    }
    let pairs = 0;
    for (const k of perPerson.values()) pairs += (k * (k - 1)) / 2;
    expect(perPerson.size).toBe(3000);
    expect(summary.persons).toBe(3000);
    expect(summary.truePairs).toBe(pairs);
    expect(JSON.parse(first.summary)).toEqual(summary);
    const histogramTotal = Object.values(summary.recordsPerPerson).reduce((a, b) => a + b, 0);
    expect(histogramTotal).toBe(3000);
  });

  it('gives about half the persons a single record and spreads them over several systems', () => {
    const singles = summary.recordsPerPerson['1'] / summary.persons;
    expect(singles).toBeGreaterThan(0.45);
    expect(singles).toBeLessThan(0.65);
    expect(Object.keys(summary.sourceSystems).length).toBeGreaterThanOrEqual(12);
  });
});

describe('scenario bookkeeping in truth', () => {
  const { records } = generatePopulationSync({ persons: 10000, seed: 'bookkeeping' });
  const byKey = new Map<string, typeof records>();
  for (const r of records) {
    const list = byKey.get(r.personKey) ?? [];
    list.push(r);
    byKey.set(r.personKey, list);
  }

  it('files a confused NHS number under a different person than its owner', () => {
    const owner = new Map<string, string>();
    for (const r of records) if (r.nhsKind === 'valid') owner.set(r.record.nhsNumber?.replace(/[ -]/g, '') ?? '', r.personKey);
    const confused = records.filter((r) => r.nhsKind === 'confusion');
    expect(confused.length).toBeGreaterThan(0);
    let checked = 0;
    for (const r of confused) {
      const o = owner.get(r.record.nhsNumber?.replace(/[ -]/g, '') ?? '');
      if (o === undefined) continue; // the owner's own records all happened to be faulty or missing
      expect(o).not.toBe(r.personKey);
      checked++;
    }
    expect(checked).toBeGreaterThan(confused.length / 2);
  });

  it('keeps identity changes and emergency aliases under the real person_key', () => {
    const changed = [...byKey.values()].filter((list) => list.some((r) => r.nhsKind === 'identity-change'));
    expect(changed.length).toBeGreaterThan(0);
    for (const list of changed) expect(list.some((r) => r.nhsKind !== 'identity-change')).toBe(true);
    const aliases = records.filter((r) => /^[A-Z]+$/.test(r.record.givenName ?? '') && /^(ALPHA|BRAVO|CHARLIE|DELTA|ECHO|FOXTROT|GOLF|HOTEL|INDIA|JULIET|KILO|LIMA|MIKE|NOVEMBER|OSCAR|PAPA|QUEBEC|ROMEO|SIERRA|TANGO|UNIFORM|VICTOR|WHISKY|XRAY|YANKEE|ZULU)$/.test(r.record.familyName ?? ''));
    expect(aliases.length).toBeGreaterThan(0);
    for (const a of aliases) {
      expect(a.record.dateOfBirth).toMatch(/(-01-01|0101|01\/01\/)/);
      expect(byKey.get(a.personKey)?.length).toBeGreaterThan(1);
    }
  });

  it('gives each placeholder record its own person_key', () => {
    const placeholders = records.filter((r) => /UNKNOWN|XXX|NOT KNOWN/.test(r.record.familyName ?? ''));
    expect(placeholders.length).toBeGreaterThan(10);
    for (const p of placeholders) expect(byKey.get(p.personKey)?.length).toBe(1);
  });

  it('gives twins different person_keys with the same surname, birth date and postcode', () => {
    const groups = new Map<string, Set<string>>();
    for (const r of records) {
      if (!r.record.postcode || !r.record.dateOfBirth) continue;
      const k = `${r.record.familyName?.toUpperCase()}|${r.record.dateOfBirth}|${r.record.postcode}`;
      const set = groups.get(k) ?? new Set<string>();
      set.add(r.personKey);
      groups.set(k, set);
    }
    const multi = [...groups.values()].filter((s) => s.size >= 2);
    expect(multi.length).toBeGreaterThan(20);
  });
});
