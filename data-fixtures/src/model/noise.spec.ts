import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isValidNhsNumber } from '@concord/domain';
import { Prng } from '../random/prng';
import { NICKNAMES } from '../data/nicknames';
import { SOURCE_SYSTEMS } from '../data/source-systems';
import { NhsNumberAllocator, chiNumber, nhsTransposition, nhsTypo, nhsValidButWrong, testRangePool } from './nhs-numbers';
import { applyDobSwap, applyMiddleAsGiven, applyPartialDoubleBarrel, phoneticOf, typoOf } from './noise';
import { RecordDraft } from './draft';
import { civilFromDays, daysFromCivil } from './dates';

describe('NHS number faults', () => {
  const rng = new Prng('nhs-faults');
  const allocator = new NhsNumberAllocator(rng);
  const numbers = Array.from({ length: 2000 }, () => allocator.next());

  it('allocates distinct valid numbers in the issued ranges', () => {
    expect(new Set(numbers).size).toBe(numbers.length);
    for (const n of numbers) {
      expect(isValidNhsNumber(n)).toBe(true);
      expect(n).toMatch(/^[467]\d{9}$/);
    }
  });

  it('makes typos and transpositions that fail and wrong numbers that pass', () => {
    for (const n of numbers) {
      expect(isValidNhsNumber(nhsTypo(rng, n))).toBe(false);
      const t = nhsTransposition(rng, n);
      expect(isValidNhsNumber(t)).toBe(false);
      expect([...t].sort().join('') === [...n].sort().join('') || t.length === 10).toBe(true);
      const w = nhsValidButWrong(rng, n);
      expect(isValidNhsNumber(w)).toBe(true);
      expect(w).not.toBe(n);
    }
  });

  it('builds CHI numbers from the birth date with a sex digit', () => {
    const chi = chiNumber(rng, { y: 1974, m: 3, d: 9 }, 'F', new Set());
    expect(chi.slice(0, 6)).toBe('090374');
    expect(Number(chi[8]) % 2).toBe(0);
    expect(isValidNhsNumber(chi)).toBe(true);
    for (const t of testRangePool(rng, 10)) expect(t.startsWith('999') && isValidNhsNumber(t)).toBe(true);
  });
});

describe('name and date noise', () => {
  const rng = new Prng('noise');
  const draft = (over: Partial<RecordDraft>): RecordDraft => ({
    system: SOURCE_SYSTEMS[0], localId: 'X', nhs: '', nhsKind: 'missing', given: 'James', middle: ['Edward'], family: 'Smith-Jones',
    dob: { y: 1980, m: 7, d: 3 }, sex: 'M', address: null, abbreviateStreet: false, postcode: '', phone: '', email: '', messy: false, ...over,
  });

  it('changes a name by one slip', () => {
    for (let i = 0; i < 50; i++) expect(typoOf(rng, 'Richardson')).not.toBe('Richardson');
  });

  it('knows sound-alikes and falls back to spelling rules', () => {
    expect(['Smyth', 'Smithe']).toContain(phoneticOf(rng, 'Smith'));
    expect(phoneticOf(rng, 'Philpott')).toBe('Filpott');
  });

  it('swaps day and month only when both can be a month', () => {
    const d = draft({});
    expect(applyDobSwap(rng, d)).toBe(true);
    expect(d.dob).toEqual({ y: 1980, m: 3, d: 7 });
    expect(applyDobSwap(rng, draft({ dob: { y: 1980, m: 7, d: 23 } }))).toBe(false);
  });

  it('moves the middle name to given and keeps half a double-barrelled name', () => {
    const d = draft({});
    applyMiddleAsGiven(rng, d);
    expect([d.given, d.middle]).toEqual(['Edward', ['James']]);
    applyPartialDoubleBarrel(rng, d);
    expect(['Smith', 'Jones', 'Smith Jones']).toContain(d.family);
  });

  it('round-trips civil dates without Date objects', () => {
    for (const day of [-25567, 0, 10957, 20000]) expect(daysFromCivil(civilFromDays(day))).toBe(day);
    expect(civilFromDays(daysFromCivil({ y: 2024, m: 2, d: 29 }))).toEqual({ y: 2024, m: 2, d: 29 });
  });
});

describe('nickname table', () => {
  it('only holds pairs from the licensed nickname list', () => {
    const csv = readFileSync(join(__dirname, '..', 'data', 'nicknames', 'names.csv'), 'utf8');
    const pairs = new Set(csv.split(/\r?\n/).slice(1).map((l) => l.split(',')).map(([a, , b]) => `${a}>${b}`));
    for (const [name, nicks] of Object.entries(NICKNAMES)) for (const n of nicks) expect(pairs).toContain(`${name}>${n}`);
  });
});
