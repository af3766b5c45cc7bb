import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv, RecordCsvMapper, SourceRecordInput } from '@concord/domain';
import { DEFAULT_MODEL } from '../model/shipped-model';
import { standardise, StandardRecord } from '../standardise/standardise';
import { decodeRecords, encodeRecords } from './record-columns';
import { compileModel } from '../model/compile';
import { blockingParts, candidatePairs } from './candidates';
import { comparePairs, dedupeRecords, scorePairs } from './dedupe';
import { internPart } from './rule-keys';
import { CountedTermFrequencies } from './term-frequencies';

// The committed, seeded demo population (read from the file: the engine depends on the domain library only).
const DEMO = join(__dirname, '..', '..', '..', '..', 'data-fixtures', 'populations', 'demo', 'records.csv');

function demoInputs(): SourceRecordInput[] {
  const rows = parseCsv(readFileSync(DEMO, 'utf8'));
  const mapper = new RecordCsvMapper(rows[0]);
  const out: SourceRecordInput[] = [];
  for (const row of rows.slice(1)) {
    const res = mapper.map(row);
    if (res?.ok) out.push(res.record);
  }
  return out;
}

const EDGE: SourceRecordInput[] = [
  { recordId: 'e1' },
  { recordId: 'e2', familyName: 'UNKNOWN', givenName: 'FOXTROT', dateOfBirth: '1983-43-17', sex: 'X' },
  {
    recordId: 'e3',
    familyName: 'de la Cruz',
    givenName: 'José María',
    otherGivenNames: 'Ana',
    dateOfBirth: '1900-01-01',
  },
  {
    recordId: 'e4',
    nhsNumber: '943 476 5919',
    postcode: 'ZZ99 3VZ',
    addressLine: 'Flat 2, 10 High St',
    phone: '+44 7700 900123',
    email: 'A@B.ORG',
  },
  { recordId: 'e5', nhsNumber: '0101011234', postcode: 'BT1 1AA', dateOfBirth: '01/01/1970', sex: 'female' },
];

describe('record columns', () => {
  const records = [...demoInputs(), ...EDGE].map(standardise);

  it('decode(encode(records)) gives records equal to the standardised ones, split over tables or not', () => {
    expect(records.length).toBeGreaterThan(3000);
    expect(decodeRecords([encodeRecords(records)])).toStrictEqual(records);
    const cut = Math.floor(records.length / 3);
    const tables = [
      encodeRecords(records.slice(0, cut)),
      encodeRecords(records.slice(cut, 2 * cut)),
      encodeRecords(records.slice(2 * cut)),
    ];
    expect(decodeRecords(tables)).toStrictEqual(records);
    expect(records.some((r) => r.dobYearOnly !== undefined)).toBe(true);
  });

  it('keeps the columns in SharedArrayBuffers (passed between threads without a copy)', () => {
    const t = encodeRecords(records.slice(0, 10));
    for (const col of [t.stringIds, t.arrays, t.items, t.numbers, t.flags])
      expect(col.buffer).toBeInstanceOf(SharedArrayBuffer);
  });

  it('decoded records de-duplicate exactly as the originals', () => {
    const decoded: StandardRecord[] = decodeRecords([
      encodeRecords(records.slice(0, 1500)),
      encodeRecords(records.slice(1500)),
    ]);
    const a = dedupeRecords(records, DEFAULT_MODEL);
    const b = dedupeRecords(decoded, DEFAULT_MODEL);
    expect(b.clusterOf).toEqual(a.clusterOf);
    expect(b.pairA).toEqual(a.pairA);
    expect(b.pairB).toEqual(a.pairB);
    expect(b.pairWeight).toEqual(a.pairWeight);
    expect(b.pairDecision).toEqual(a.pairDecision);
    expect(a.stats.links).toBeGreaterThan(100);
  });
});

describe('the batch stages split as the worker threads split them', () => {
  const records = demoInputs().map(standardise);

  it('interned blocking parts passed in give the same candidate pairs', () => {
    const whole = candidatePairs(records, DEFAULT_MODEL);
    const interned = new Map(blockingParts(DEFAULT_MODEL).map((p) => [p, internPart(records, p)] as const));
    const split = candidatePairs(records, DEFAULT_MODEL, undefined, interned);
    expect(split.a).toEqual(whole.a);
    expect(split.b).toEqual(whole.b);
    expect(split.perRule).toEqual(whole.perRule);
  });

  it('compare and score slices concatenated in order equal one pass', () => {
    const cand = candidatePairs(records, DEFAULT_MODEL);
    const cm = compileModel(DEFAULT_MODEL);
    const tf = CountedTermFrequencies.fromRecords(records);
    const total = cand.a.length;
    const whole = new Int32Array(total);
    comparePairs(cm, records, cand.a, cand.b, 0, total, whole);
    const one = scorePairs(cm, records, tf, cand.a, cand.b, whole, 0, total);
    for (const cuts of [
      [0, 1, total],
      [0, Math.floor(total / 3), Math.floor((2 * total) / 3), total],
    ]) {
      const parts = cuts.slice(1).map((to, k) => {
        const from = cuts[k];
        const a = cand.a.slice(from, to);
        const b = cand.b.slice(from, to);
        const patterns = new Int32Array(to - from);
        comparePairs(cm, records, a, b, from, to, patterns);
        expect(patterns).toEqual(whole.slice(from, to));
        return scorePairs(cm, records, tf, a, b, patterns, from, to);
      });
      expect(Int32Array.from(parts.flatMap((p) => [...p.index]))).toEqual(one.index);
      expect(Float64Array.from(parts.flatMap((p) => [...p.weight]))).toEqual(one.weight);
      expect(Uint8Array.from(parts.flatMap((p) => [...p.decision]))).toEqual(one.decision);
    }
    expect(one.index.length).toBeGreaterThan(100);
  });
});
