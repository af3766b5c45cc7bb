import { nhsCheckDigit } from '@concord/domain';
import { seededRandom } from '../em/random';
import { standardise } from '../standardise/standardise';
import { boundedEditDistance } from './edit';
import { jaroWinkler } from './jaro-winkler';
import { COMPARATORS, FIELD_LEVELS, FIELD_NAMES, compareDob, compareFamily, compareGiven, compareNhs, comparePostcode } from './levels';

const rand = seededRandom(20261128);
const ALPHA = 'ABCDEHIJKLMNORST';
const word = () => Array.from({ length: 1 + Math.floor(rand() * 9) }, () => ALPHA[Math.floor(rand() * ALPHA.length)]).join('');

/** A valid NHS number from nine random digits (retrying the ~1/11 that have no check digit). */
function validNhs(): string {
  for (;;) {
    const nine = String(100000000 + Math.floor(rand() * 899999999)).replace(/^[0-3]/, '4');
    const c = nhsCheckDigit(nine);
    if (c !== null) return nine + c;
  }
}

describe('comparators (seeded property tests)', () => {
  it('Jaro-Winkler is symmetric, in [0,1], and 1 only for equal strings', () => {
    for (let i = 0; i < 2000; i++) {
      const a = word();
      const b = rand() < 0.3 ? a : word();
      const x = jaroWinkler(a, b);
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(jaroWinkler(b, a)).toBeCloseTo(x, 12);
      expect(x === 1).toBe(a === b);
    }
    expect(jaroWinkler('MARTHA', 'MARHTA')).toBeCloseTo(0.9611, 4);
    expect(jaroWinkler('DIXON', 'DICKSONX')).toBeCloseTo(0.8133, 4);
  });

  it('bounded edit distance is symmetric and counts an adjacent transposition as one', () => {
    for (let i = 0; i < 2000; i++) {
      const a = word();
      const b = word();
      expect(boundedEditDistance(a, b, 2)).toBe(boundedEditDistance(b, a, 2));
      expect(boundedEditDistance(a, b, 2)).toBeLessThanOrEqual(3);
    }
    expect(boundedEditDistance('1234567890', '1234567809', 2)).toBe(1);
    expect(boundedEditDistance('abc', 'abc', 1)).toBe(0);
  });

  it('bounded edit distance equals a plain OSA distance cut at the bound (near misses included)', () => {
    const osa = (a: string, b: string): number => {
      const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
      for (let i = 1; i <= a.length; i++) {
        for (let j = 1; j <= b.length; j++) {
          d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
          if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
      return d[a.length][b.length];
    };
    const mutate = (s: string): string => {
      const at = Math.floor(rand() * (s.length + 1));
      const op = Math.floor(rand() * 4);
      const c = ALPHA[Math.floor(rand() * ALPHA.length)];
      if (op === 0) return s.slice(0, at) + c + s.slice(at);
      if (op === 1) return s.slice(0, at) + s.slice(at + 1);
      if (op === 2) return s.slice(0, at) + c + s.slice(at + 1);
      return at + 1 < s.length ? s.slice(0, at) + s[at + 1] + s[at] + s.slice(at + 2) : s;
    };
    for (let i = 0; i < 3000; i++) {
      const a = rand() < 0.2 ? validNhs() : word();
      let b = a;
      const edits = Math.floor(rand() * 4);
      for (let e = 0; e < edits; e++) b = mutate(b);
      for (const max of [1, 2]) expect(boundedEditDistance(a, b, max)).toBe(Math.min(osa(a, b), max + 1));
    }
  });

  it('every comparator is symmetric and returns a level of its field (or -1)', () => {
    const people = Array.from({ length: 60 }, () =>
      standardise({
        nhsNumber: rand() < 0.2 ? '' : validNhs(),
        familyName: rand() < 0.5 ? 'SMITH' : word(),
        givenName: rand() < 0.5 ? 'JOHN' : word(),
        otherGivenNames: rand() < 0.3 ? word() : '',
        dateOfBirth: `19${50 + Math.floor(rand() * 40)}-0${1 + Math.floor(rand() * 9)}-1${Math.floor(rand() * 9)}`,
        sex: rand() < 0.5 ? 'M' : 'F',
        postcode: rand() < 0.5 ? 'LS1 4AP' : 'LS1 4BX',
        addressLine: rand() < 0.5 ? '1 High St' : `${Math.floor(rand() * 99)} Low Rd`,
      }),
    );
    for (const a of people) {
      for (const b of people) {
        for (const f of FIELD_NAMES) {
          const l = COMPARATORS[f](a, b);
          expect(l).toBe(COMPARATORS[f](b, a));
          expect(l).toBeGreaterThanOrEqual(-1);
          expect(l).toBeLessThan(FIELD_LEVELS[f].length);
        }
      }
    }
  });
});

describe('Modulus 11 interplay', () => {
  it('never finds two valid NHS numbers one edit apart: a one-edit pair always has a typo side', () => {
    for (let i = 0; i < 500; i++) {
      const n = validNhs();
      const pos = Math.floor(rand() * 10);
      const digit = String((Number(n[pos]) + 1 + Math.floor(rand() * 9)) % 10);
      const typo = n.slice(0, pos) + digit + n.slice(pos + 1);
      const a = standardise({ nhsNumber: n });
      const b = standardise({ nhsNumber: typo });
      expect(b.nhsStatus).not.toBe('valid');
      expect(FIELD_LEVELS.nhsNumber[compareNhs(a, b)]).toBe('one-edit');
      const swapAt = Math.floor(rand() * 9);
      if (n[swapAt] !== n[swapAt + 1]) {
        const swapped = n.slice(0, swapAt) + n[swapAt + 1] + n[swapAt] + n.slice(swapAt + 2);
        expect(standardise({ nhsNumber: swapped }).nhsStatus).not.toBe('valid');
      }
    }
  });

  it('labels every NHS level', () => {
    const lv = (x: string, y: string) => FIELD_LEVELS.nhsNumber[compareNhs(standardise({ nhsNumber: x }), standardise({ nhsNumber: y }))];
    expect(lv('943 476 5919', '9434765919')).toBe('exact-valid');
    expect(lv('H123456', 'H123456')).toBe('exact-other');
    expect(lv('9434765919', '4010232137')).toBe('different-valid');
    expect(lv('H123456', 'H123465')).toBe('one-edit');
    expect(lv('H123456', 'H125465')).toBe('two-edits');
    expect(lv('H123456', 'Q987654')).toBe('different');
    expect(compareNhs(standardise({ nhsNumber: '0000000000' }), standardise({ nhsNumber: '0000000000' }))).toBe(-1);
    // A CHI number (Scotland, first digits 010–311) is Modulus 11 valid but another scheme.
    expect(lv('3107129054', '6492096525')).toBe('different');
  });
});

describe('comparison levels', () => {
  const s = (o: Record<string, string>) => standardise(o);
  const fam = (a: Record<string, string>, b: Record<string, string>) => FIELD_LEVELS.familyName[compareFamily(s(a), s(b))];
  const giv = (a: Record<string, string>, b: Record<string, string>) => FIELD_LEVELS.givenName[compareGiven(s(a), s(b))];
  const dob = (a: string, b: string) => FIELD_LEVELS.dateOfBirth[compareDob(s({ dateOfBirth: a }), s({ dateOfBirth: b }))];
  const pc = (a: string, b: string) => FIELD_LEVELS.postcode[comparePostcode(s({ postcode: a }), s({ postcode: b }))];

  it('names', () => {
    expect(fam({ familyName: "O'Brien" }, { familyName: 'OBRIEN' })).toBe('exact');
    expect(fam({ familyName: 'Müller' }, { familyName: 'MULLER' })).toBe('exact');
    expect(fam({ familyName: 'THOMPSON' }, { familyName: 'THOMSON' })).toBe('jw94');
    expect(fam({ familyName: 'SMITH-JONES' }, { familyName: 'JONES' })).toBe('token-overlap');
    expect(fam({ familyName: 'JOHN', givenName: 'SMITH' }, { familyName: 'SMITH', givenName: 'JOHN' })).toBe('swapped');
    // Swapped with a typo, and a multi-word name given whole (FEBRL's swapped duplicates).
    expect(fam({ familyName: 'STEPHENSON', givenName: 'ELIZABETH' }, { familyName: 'ELIZBETH', givenName: 'STEPHENSON' })).toBe('swapped');
    expect(fam({ familyName: 'DE LA CRUZ', givenName: 'CAMBELL' }, { familyName: 'CAMBELL', givenName: 'DE LA CRUZ' })).toBe('swapped');
    expect(fam({ familyName: 'WHITE', givenName: 'JEAN CLAUDE' }, { familyName: 'JEAN CLAUDE', givenName: 'WHITE' })).toBe('swapped');
    expect(fam({ familyName: 'WHITE', givenName: 'JEAN' }, { familyName: 'JONES', givenName: 'WHITE' })).toBe('different');
    expect(giv({ givenName: 'ROBERT' }, { givenName: 'BOB' })).toBe('nickname');
    expect(giv({ givenName: 'JAMES', otherGivenNames: 'PAUL' }, { givenName: 'PAUL' })).toBe('token-overlap');
    expect(giv({ givenName: 'J' }, { givenName: 'JOHN' })).toBe('initial');
    expect(giv({ givenName: 'MARY' }, { givenName: 'ZOE' })).toBe('different');
    expect(giv({ givenName: 'UNKNOWN' }, { givenName: 'ZOE' })).toBeUndefined();
  });

  it('dates of birth', () => {
    expect(dob('1980-03-04', '04/03/1980')).toBe('exact');
    expect(dob('1980-03-04', '1980-04-03')).toBe('day-month-swapped');
    expect(dob('1980-03-04', '1980-03-05')).toBe('one-digit');
    expect(dob('1980-03-04', '1979-03-04')).toBe('year-off-by-one');
    expect(dob('1980-03-04', '1980-11-20')).toBe('same-year');
    expect(dob('1980-01-01', '19800101')).toBe('exact-jan1');
    expect(dob('1980-02-30', '1980-02-30')).toBeUndefined();
    expect(standardise({ dateOfBirth: '1980-02-30' }).flags).toContain('dob-impossible');
  });

  it('sex codings: every contract coding is read, anything else is unknown and flagged', () => {
    const codings: Array<[string, string]> = [
      ['M', 'M'], ['f', 'F'], ['1', 'M'], ['2', 'F'], ['9', 'O'], ['X', 'U'], ['0', 'U'],
      ['male', 'M'], ['Female', 'F'], ['other', 'O'], ['unknown', 'U'], ['U', 'U'], ['O', 'O'], ['', 'U'],
    ];
    for (const [sent, sex] of codings) {
      const s = standardise({ sex: sent });
      expect([sent, s.sex]).toEqual([sent, sex]);
      expect(s.flags).not.toContain('sex-unrecognised');
    }
    const odd = standardise({ sex: 'banana' });
    expect(odd.sex).toBe('U');
    expect(odd.flags).toContain('sex-unrecognised');
  });

  it('postcodes', () => {
    expect(pc('ls14ap', 'LS1 4AP')).toBe('exact');
    expect(pc('LS1 4AP', 'LS1 4BX')).toBe('sector');
    expect(pc('LS1 4AP', 'LS1 5BX')).toBe('district');
    expect(pc('LS1 4AP', 'M1 1AA')).toBe('different');
    expect(comparePostcode(s({ postcode: 'ZZ99 3VZ' }), s({ postcode: 'ZZ99 3VZ' }))).toBe(-1);
  });
});
