import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_FIELDS, classifyNhsNumber } from '@concord/domain';
import { buildGoldenScenarios, goldenFileText } from './write-golden';
import { GoldenScenario } from './types';

const GOLDEN_DIR = join(__dirname, '..', '..', 'golden');
const files = readdirSync(GOLDEN_DIR).filter((f) => f.endsWith('.json')).sort();
const committed: GoldenScenario[] = files.map((f) => JSON.parse(readFileSync(join(GOLDEN_DIR, f), 'utf8')));

/** Scenarios the issue names; each must have its own file. */
const REQUIRED = [
  'twins', 'triplets', 'mother-newborn', 'father-son', 'common-name-collision', 'placeholder', 'emergency-alias',
  'swapped-names', 'transposed-dob', 'nickname', 'middle-name-as-given', 'double-barrelled', 'maiden-name',
  'phonetic-variant', 'typo', 'accents-apostrophes', 'case-spacing', 'dob-error', 'dob-format', 'missing-fields',
  'address-spelling', 'sex-coding', 'address-move', 'nhs-number-typo', 'nhs-number-transposition',
  'nhs-number-formatting', 'nhs-number-valid-but-wrong', 'nhs-number-confusion', 'duplicate-registration',
  'hospital-number-in-nhs-field', 'chi-number', 'test-range-number', 'identity-change',
];

describe('golden scenario files', () => {
  it('has one file per required scenario, named after it', () => {
    expect(files.map((f) => f.replace(/\.json$/, '')).sort()).toEqual([...REQUIRED].sort());
    for (const [i, s] of committed.entries()) expect(`${s.scenario}.json`).toBe(files[i]);
  });

  it('equals a fresh build (regenerate with `npm run fixtures -- --golden data-fixtures/golden`)', () => {
    for (const scenario of buildGoldenScenarios()) {
      expect(readFileSync(join(GOLDEN_DIR, `${scenario.scenario}.json`), 'utf8')).toBe(goldenFileText(scenario));
    }
  });

  it('has the documented shape', () => {
    const allowedFields = new Set<string>(RECORD_FIELDS);
    for (const s of committed) {
      expect(Object.keys(s).sort()).toEqual(['cases', 'description', 'scenario']);
      expect(s.description.length).toBeGreaterThan(20);
      expect(s.cases.length).toBeGreaterThanOrEqual(2);
      for (const c of s.cases) {
        expect(typeof c.name).toBe('string');
        expect(['same-person', 'different-people', 'needs-review']).toContain(c.verdict);
        expect(c.records.length).toBeGreaterThanOrEqual(2);
        expect(c.personKeys).toHaveLength(c.records.length);
        if (c.note !== undefined) expect(typeof c.note).toBe('string');
        for (const r of c.records) {
          expect(typeof r.recordId).toBe('string');
          for (const [k, v] of Object.entries(r)) {
            expect(allowedFields.has(k)).toBe(true);
            expect(typeof v).toBe('string');
          }
        }
      }
    }
  });

  it('uses record ids that are unique across all files', () => {
    const ids = committed.flatMap((s) => s.cases.flatMap((c) => c.records.map((r) => r.recordId)));
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('agrees with its own ground truth', () => {
    for (const s of committed) {
      for (const c of s.cases) {
        const distinct = new Set(c.personKeys).size;
        if (c.verdict === 'same-person') expect(`${s.scenario}/${c.name}:${distinct}`).toBe(`${s.scenario}/${c.name}:1`);
        if (c.verdict === 'different-people') expect(`${s.scenario}/${c.name}:${distinct}`).toBe(`${s.scenario}/${c.name}:${c.records.length}`);
      }
    }
  });

  it('holds the fault each NHS-number scenario is about', () => {
    const statuses = (name: string) => committed.find((s) => s.scenario === name)?.cases.map((c) => classifyNhsNumber(c.records[1].nhsNumber).status);
    expect(statuses('nhs-number-typo')).toEqual(['invalid', 'invalid', 'invalid']);
    expect(statuses('nhs-number-transposition')).toEqual(['invalid', 'invalid', 'invalid']);
    expect(statuses('hospital-number-in-nhs-field')).toEqual(['invalid', 'invalid', 'invalid']);
    expect(statuses('nhs-number-valid-but-wrong')).toEqual(['valid', 'valid', 'valid']);
    expect(statuses('chi-number')).toEqual(['valid', 'valid', 'valid']);
    expect(statuses('test-range-number')).toEqual(['test-range', 'test-range', 'test-range']);
    const confusion = committed.find((s) => s.scenario === 'nhs-number-confusion') as GoldenScenario;
    for (const c of confusion.cases) expect(c.records[0].nhsNumber?.replace(/\D/g, '')).toBe(c.records[1].nhsNumber?.replace(/\D/g, ''));
  });

  it('keeps twins on the same surname, birth date and postcode', () => {
    const twins = committed.find((s) => s.scenario === 'twins') as GoldenScenario;
    for (const c of twins.cases) {
      const [a, b] = c.records;
      expect(a.familyName?.toUpperCase()).toBe(b.familyName?.toUpperCase());
      expect(a.dateOfBirth?.replace(/\D/g, '')).toBe(b.dateOfBirth?.replace(/\D/g, ''));
      expect(a.postcode).toBe(b.postcode);
      expect(a.givenName?.toUpperCase()).not.toBe(b.givenName?.toUpperCase());
    }
  });
});
