import {
  DEFAULT_MODEL,
  blockingKeys,
  scorePair,
  scoreAgainstPerson,
  standardise,
  matchGrade,
} from '../index';
import { SourceRecordInput } from '@concord/domain';

const base: SourceRecordInput = {
  recordId: 'a',
  nhsNumber: '943 476 5919',
  familyName: 'Smith',
  givenName: 'John',
  dateOfBirth: '1980-01-02',
  sex: 'M',
  postcode: 'LS1 4AP',
  addressLine: '12 High St',
};

describe('scorePair', () => {
  it('links identical records and explains every field in model order', () => {
    const a = standardise(base);
    const s = scorePair(a, standardise({ ...base, recordId: 'b' }), DEFAULT_MODEL);
    expect(s.decision).toBe('link');
    expect(s.comparisons.map((c) => c.field)).toEqual(DEFAULT_MODEL.fields.map((f) => f.field));
    const sum = s.prior + s.comparisons.reduce((t, c) => t + c.weight, 0);
    expect(s.weight).toBeCloseTo(sum, 9);
    expect(s.modelVersion).toBe(DEFAULT_MODEL.version);
    expect(matchGrade(s, DEFAULT_MODEL)).toBe('certain');
  });

  it('holds two valid different NHS numbers at review', () => {
    const s = scorePair(standardise(base), standardise({ ...base, nhsNumber: '4010232137' }), DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toContain('nhs-number-conflict');
    expect(s.decision).toBe('review');
    // However likely on demographics, a pair held by a rule is never graded certain.
    expect(s.probability).toBeGreaterThanOrEqual(DEFAULT_MODEL.thresholds.link);
    expect(matchGrade(s, DEFAULT_MODEL)).toBe('probable');
  });

  it('never links a pair a steward kept apart', () => {
    const s = scorePair(standardise(base), standardise(base), DEFAULT_MODEL, { keptApart: true });
    expect(s.decision).toBe('non-link');
    expect(s.rules[0]).toMatchObject({ rule: 'kept-apart', effect: 'never-link' });
  });

  it('caps at review when the person holds a different valid NHS number', () => {
    const r = standardise({ ...base, nhsNumber: '' });
    const other = standardise({ ...base, nhsNumber: '4010232137' });
    const mine = standardise(base);
    const s = scoreAgainstPerson(standardise(base), [r, other, mine], DEFAULT_MODEL);
    expect(s.rules.map((x) => x.rule)).toContain('person-nhs-number-conflict');
    expect(s.decision).toBe('review');
  });

  it('drops boy/girl twins with their own NHS numbers as distinct persons, not review', () => {
    const sister = standardise({
      ...base,
      recordId: 'b',
      nhsNumber: '4010232137',
      givenName: 'Amelia',
      sex: 'F',
    });
    const s = scorePair(standardise(base), sister, DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['distinct-persons', 'nhs-number-conflict', 'twins-pattern']),
    );
    expect(s.decision).toBe('non-link');
  });

  it('drops father and son at one address without a shared NHS number, but holds a shared number at review', () => {
    const son = standardise({ ...base, recordId: 'b', nhsNumber: '', dateOfBirth: '2008-05-26' });
    expect(scorePair(standardise(base), son, DEFAULT_MODEL).decision).toBe('non-link');
    const sonOnDadsNumber = scorePair(
      standardise(base),
      standardise({ ...base, recordId: 'c', dateOfBirth: '2008-05-26' }),
      DEFAULT_MODEL,
    );
    expect(sonOnDadsNumber.rules.map((r) => r.rule)).toContain('generation-gap');
    expect(sonOnDadsNumber.decision).toBe('review');
  });

  it('holds a twin look-alike backed by no identifier at review', () => {
    const twin = standardise({ ...base, recordId: 'b', nhsNumber: '', givenName: 'Jon' });
    const s = scorePair(standardise({ ...base, nhsNumber: '' }), twin, DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toContain('twins-pattern');
    expect(s.decision).toBe('review');
    // A model for data without twins (FEBRL) switches this part of the guard off; the rest stays.
    const noUnbacked = { ...DEFAULT_MODEL, safety: { ...DEFAULT_MODEL.safety, twinsUnbacked: false } };
    expect(
      scorePair(standardise({ ...base, nhsNumber: '' }), twin, noUnbacked).rules.map((r) => r.rule),
    ).not.toContain('twins-pattern');
    const sister = standardise({ ...base, recordId: 'c', nhsNumber: '', givenName: 'Mary', sex: 'F' });
    expect(
      scorePair(standardise({ ...base, nhsNumber: '' }), sister, noUnbacked).rules.map((r) => r.rule),
    ).toContain('twins-pattern');
  });

  it("drops a record on another person's NHS number a generation apart, with nothing else agreeing", () => {
    const child = standardise({
      ...base,
      recordId: 'b',
      givenName: 'Oliver',
      dateOfBirth: '2019-03-04',
      postcode: 'M1 1AA',
      addressLine: '3 Low Rd',
    });
    const s = scorePair(standardise(base), child, DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toEqual(
      expect.arrayContaining(['distinct-persons', 'nhs-number-only', 'generation-gap']),
    );
    expect(s.decision).toBe('non-link');
    // The same number with only the given name differing (no generation gap) stays in review.
    const namesake = standardise({ ...base, recordId: 'c', givenName: 'Oliver', dateOfBirth: '1980-03-04' });
    expect(scorePair(standardise(base), namesake, DEFAULT_MODEL).decision).toBe('review');
  });

  it('reads the year of an impossible date of birth for the parent/child guard', () => {
    const father = standardise({ ...base, nhsNumber: '', dateOfBirth: '1983-43-17' });
    expect(father.dob).toBeNull();
    expect(father.dobYearOnly).toBe(1983);
    const son = standardise({ ...base, recordId: 'b', nhsNumber: '', dateOfBirth: '2008-05-26' });
    const s = scorePair(father, son, DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toContain('generation-gap');
    expect(s.decision).not.toBe('link');
    expect(standardise({ ...base, dateOfBirth: '2054-09-26' }).dobYearOnly).toBeUndefined();
  });

  it('holds a pair whose names agree neither directly nor crosswise, whatever the identifier says', () => {
    const other = standardise({ ...base, recordId: 'b', familyName: 'Khan', givenName: 'Hawa', phone: '' });
    const s = scorePair(standardise(base), other, DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toContain('names-disagree');
    expect(s.decision).not.toBe('link');
    // A partial swap with a changed family name keeps one name crosswise: no rule of its own.
    const swappedMarried = standardise({ ...base, recordId: 'c', familyName: 'John', givenName: 'Jones' });
    const married = standardise({ ...base, familyName: 'Brown' });
    expect(scorePair(married, swappedMarried, DEFAULT_MODEL).rules.map((r) => r.rule)).not.toContain(
      'names-disagree',
    );
    // ... unless the sex differs too (twins Robert Taylor and Taylor, Karen).
    const sister = standardise({ ...base, recordId: 'd', familyName: 'Karen', givenName: 'Smith', sex: 'F' });
    expect(scorePair(standardise(base), sister, DEFAULT_MODEL).rules.map((r) => r.rule)).toContain(
      'names-disagree',
    );
  });

  it('holds twins whose names are swapped on one record at one birth and address', () => {
    const a = standardise({ ...base, nhsNumber: '', familyName: 'Daniel', givenName: 'Singh', sex: 'M' });
    const b = standardise({
      ...base,
      recordId: 'b',
      nhsNumber: '',
      familyName: 'Singh',
      givenName: 'Danielle',
      sex: 'F',
    });
    const s = scorePair(a, b, DEFAULT_MODEL);
    expect(s.rules.map((r) => r.rule)).toContain('twins-pattern');
    expect(s.decision).not.toBe('link');
  });

  it('holds a middle name used alone as given name at one birth only when no identifier backs it', () => {
    const a = standardise({ ...base, nhsNumber: '', givenName: 'Ioana', otherGivenNames: 'Maria', sex: 'F' });
    const b = standardise({ ...base, recordId: 'b', nhsNumber: '', givenName: 'Maria', sex: 'F' });
    expect(scorePair(a, b, DEFAULT_MODEL).rules.map((r) => r.rule)).toContain('twins-pattern');
    const backed = scorePair(
      standardise({ ...base, givenName: 'Ioana', otherGivenNames: 'Maria', sex: 'F' }),
      standardise({ ...base, recordId: 'c', givenName: 'Maria', sex: 'F' }),
      DEFAULT_MODEL,
    );
    expect(backed.decision).toBe('link');
  });

  it('holds a sound-alike twin whose date of birth is a digit away only without an identifier', () => {
    const a = standardise({
      ...base,
      nhsNumber: '',
      givenName: 'Amelia',
      sex: 'F',
      dateOfBirth: '2018-03-03',
    });
    const b = standardise({
      ...base,
      recordId: 'b',
      nhsNumber: '',
      givenName: 'Emilia',
      sex: 'F',
      dateOfBirth: '2017-03-03',
    });
    expect(scorePair(a, b, DEFAULT_MODEL).rules.map((r) => r.rule)).toContain('twins-pattern');
  });

  it('drops sound-alike twins with their own NHS numbers, and name-variant twins born a digit apart', () => {
    const jake = standardise({ ...base, recordId: 'b', nhsNumber: '4010232137', givenName: 'Jake' });
    const jack = standardise({ ...base, givenName: 'Jack' });
    expect(scorePair(jack, jake, DEFAULT_MODEL).decision).toBe('non-link');
    const leon = standardise({
      ...base,
      recordId: 'c',
      nhsNumber: '4010232137',
      givenName: 'Leon',
      dateOfBirth: '1980-01-03',
    });
    const leo = standardise({ ...base, givenName: 'Leo' });
    expect(scorePair(leo, leon, DEFAULT_MODEL).rules.map((r) => r.rule)).toContain('distinct-persons');
  });

  it('links a first-name variant with the same middle names and NHS number, but holds it without the number', () => {
    const a = standardise({ ...base, givenName: 'Niamh', otherGivenNames: 'Margaret', sex: 'F' });
    const b = standardise({
      ...base,
      recordId: 'b',
      givenName: 'Neave',
      otherGivenNames: 'Margaret',
      sex: 'F',
    });
    expect(scorePair(a, b, DEFAULT_MODEL).decision).toBe('link');
    const c = standardise({
      ...base,
      nhsNumber: '',
      givenName: 'Niamh',
      otherGivenNames: 'Margaret',
      sex: 'F',
    });
    expect(scorePair(c, b, DEFAULT_MODEL).rules.map((r) => r.rule)).toContain('twins-pattern');
  });

  it('drops same-sex twins whose given and middle names all differ when no identifier backs them', () => {
    const a = standardise({
      ...base,
      nhsNumber: '',
      givenName: 'Victoria',
      otherGivenNames: 'Jane',
      sex: 'F',
    });
    const b = standardise({
      ...base,
      recordId: 'b',
      nhsNumber: '',
      givenName: 'Claire',
      otherGivenNames: 'Louise',
      sex: 'F',
    });
    expect(scorePair(a, b, DEFAULT_MODEL).decision).toBe('non-link');
    // With one NHS number on both, a steward decides.
    const c = standardise({ ...base, givenName: 'Victoria', otherGivenNames: 'Jane', sex: 'F' });
    const d = standardise({
      ...base,
      recordId: 'd',
      givenName: 'Claire',
      otherGivenNames: 'Louise',
      sex: 'F',
    });
    expect(scorePair(c, d, DEFAULT_MODEL).decision).toBe('review');
  });

  it('gives both records of a pair a shared blocking key', () => {
    const a = standardise(base);
    const b = standardise({ ...base, nhsNumber: '', dateOfBirth: '1980-02-01' });
    const ka = blockingKeys(a, DEFAULT_MODEL);
    expect(ka).toContain('nhs:9434765919');
    expect(ka).toContain('dob-fam:19800102:SM0');
    expect(blockingKeys(b, DEFAULT_MODEL).some((k) => ka.includes(k))).toBe(true);
  });
});
