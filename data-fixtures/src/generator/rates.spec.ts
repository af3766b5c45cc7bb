import { classifyNhsNumber, isValidNhsNumber, stripNhsNumber } from '@concord/domain';
import { INVALID_NHS_KINDS, NhsKind, VALID_NHS_KINDS } from '../model/types';
import { generatePopulationSync } from './generate';
import { DOCUMENTED_NHS_PER_RECORD, DOCUMENTED_NOISE_PER_RECORD, DOCUMENTED_SCENARIOS_PER_10K_PERSONS } from './documented-rates';
import { SCENARIO_UNITS } from './summary';

const PERSONS = 10_000;
const { records, summary } = generatePopulationSync({ persons: PERSONS, seed: 'rates-10k' });

/**
 * Counts are roughly Poisson: allow four standard deviations plus 15% (the documented
 * figures come from another seed), and never less than 3 for the rarest events.
 */
function expectNear(observed: number, expected: number, label: string): void {
  const slack = Math.max(3, 4 * Math.sqrt(expected) + 0.15 * expected);
  if (Math.abs(observed - expected) > slack) {
    throw new Error(`${label}: observed ${observed}, documented ${expected.toFixed(1)} (± ${slack.toFixed(1)})`);
  }
}

describe('NHS numbers', () => {
  it('passes Modulus 11 for every number meant to be valid', () => {
    const failures = records.filter((r) => VALID_NHS_KINDS.includes(r.nhsKind) && !isValidNhsNumber(stripNhsNumber(r.record.nhsNumber)));
    expect(failures).toEqual([]);
    expect(records.filter((r) => VALID_NHS_KINDS.includes(r.nhsKind)).length).toBeGreaterThan(summary.records * 0.8);
  });

  it('fails Modulus 11 for every number meant to be invalid', () => {
    const wrong = records.filter((r) => INVALID_NHS_KINDS.includes(r.nhsKind) && classifyNhsNumber(r.record.nhsNumber).status !== 'invalid');
    expect(wrong).toEqual([]);
  });

  it('classifies each kind as the domain does', () => {
    const expected: Partial<Record<NhsKind, string>> = {
      valid: 'valid',
      'duplicate-registration': 'valid',
      'identity-change': 'valid',
      confusion: 'valid',
      chi: 'valid',
      'test-range': 'test-range',
      placeholder: 'placeholder',
      missing: 'missing',
    };
    for (const r of records) {
      const want = expected[r.nhsKind];
      if (want) expect(`${r.nhsKind}:${classifyNhsNumber(r.record.nhsNumber).status}`).toBe(`${r.nhsKind}:${want}`);
    }
  });

  it('issues own numbers in the England and Wales ranges and CHI numbers in 010–311', () => {
    for (const r of records) {
      const digits = stripNhsNumber(r.record.nhsNumber);
      if (r.nhsKind === 'valid' || r.nhsKind === 'duplicate-registration' || r.nhsKind === 'identity-change') {
        expect(digits).toMatch(/^[467]/);
      }
      if (r.nhsKind === 'chi') {
        const ddmm = Number(digits.slice(0, 4));
        expect(ddmm).toBeGreaterThanOrEqual(101);
        expect(ddmm).toBeLessThanOrEqual(3112);
      }
    }
  });

  it('never gives two persons the same own number', () => {
    const owner = new Map<string, string>();
    for (const r of records) {
      if (r.nhsKind !== 'valid') continue;
      const digits = stripNhsNumber(r.record.nhsNumber);
      const seen = owner.get(digits);
      if (seen) expect(seen).toBe(r.personKey);
      else owner.set(digits, r.personKey);
    }
  });

  it('lays numbers out plain, spaced and dashed', () => {
    const layouts = new Set(records.filter((r) => r.nhsKind === 'valid').map((r) => (r.record.nhsNumber?.includes(' ') ? 's' : r.record.nhsNumber?.includes('-') ? 'd' : 'p')));
    expect([...layouts].sort()).toEqual(['d', 'p', 's']);
  });
});

describe('summary.json rates at 10,000 persons', () => {
  it('has every scenario present, at its documented rate', () => {
    for (const kind of Object.keys(SCENARIO_UNITS) as Array<keyof typeof SCENARIO_UNITS>) {
      expect(summary.scenarios[kind]).toBeGreaterThan(0);
      expectNear(summary.scenarios[kind], (DOCUMENTED_SCENARIOS_PER_10K_PERSONS[kind] * PERSONS) / 10_000, `scenario ${kind}`);
    }
  });

  it('has every kind of record noise, at its documented rate', () => {
    for (const [kind, rate] of Object.entries(DOCUMENTED_NOISE_PER_RECORD)) {
      const observed = summary.noise[kind as keyof typeof summary.noise];
      expect(observed).toBeGreaterThan(0);
      expectNear(observed, rate * summary.records, `noise ${kind}`);
    }
  });

  it('has every NHS number fault, at its documented rate', () => {
    for (const [kind, rate] of Object.entries(DOCUMENTED_NHS_PER_RECORD)) {
      const observed = summary.nhsNumber[kind as NhsKind];
      expect(observed).toBeGreaterThan(0);
      expectNear(observed, rate * summary.records, `NHS number ${kind}`);
    }
  });

  it('counts records and NHS kinds consistently', () => {
    const total = Object.values(summary.nhsNumber).reduce((a, b) => a + b, 0);
    expect(total).toBe(summary.records);
    expect(records.length).toBe(summary.records);
    expect(summary.records / summary.persons).toBeGreaterThan(1.35);
    expect(summary.records / summary.persons).toBeLessThan(1.7);
  });

  it('uses every sex coding the contract accepts', () => {
    const codes = new Set(records.map((r) => r.record.sex ?? ''));
    for (const code of ['M', 'F', 'O', 'U', '1', '2', '9', 'X', '0', 'male', 'female', 'other', 'unknown', 'm', 'f', '']) expect(codes).toContain(code);
  });

  it('writes dates in all three accepted formats', () => {
    const formats = new Set(records.map((r) => r.record.dateOfBirth ?? '').map((d) => (/^\d{4}-/.test(d) ? 'iso' : /^\d{8}$/.test(d) ? 'compact' : /\//.test(d) ? 'uk' : 'other')));
    for (const f of ['iso', 'compact', 'uk']) expect(formats).toContain(f);
  });
});
