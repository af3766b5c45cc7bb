import { goldenView, GoldenSource } from './golden-view';

const source = (over: Partial<GoldenSource> & { at: string }): GoldenSource => ({
  raw: {},
  nhsNumber: null,
  nhsNumberStatus: 'missing',
  dateOfBirth: null,
  flags: [],
  updatedAt: new Date(over.at),
  ...over,
});

describe('goldenView', () => {
  it('takes a valid NHS number over a more recent invalid one', () => {
    const golden = goldenView([
      source({ at: '2026-01-01', nhsNumber: '9434765919', nhsNumberStatus: 'valid' }),
      source({ at: '2026-06-01', nhsNumber: '9434765918', nhsNumberStatus: 'invalid' }),
    ]);
    expect(golden.nhsNumber).toBe('9434765919');
  });

  it('takes the most frequent value, ties to the most recent record', () => {
    const golden = goldenView([
      source({ at: '2026-01-01', raw: { familyName: 'Smith', postcode: 'ls1 4ap' } }),
      source({ at: '2026-02-01', raw: { familyName: 'SMITH', postcode: 'LS2 9JT' } }),
      source({ at: '2026-03-01', raw: { familyName: 'Smyth' } }),
    ]);
    expect(golden.familyName).toBe('SMITH');
    expect(golden.postcode).toBe('LS2 9JT');
  });

  it('ignores a defaulted 1 January date of birth when another is known', () => {
    const golden = goldenView([
      source({ at: '2026-01-01', dateOfBirth: '2009-03-19' }),
      source({ at: '2026-05-01', dateOfBirth: '2009-01-01', flags: ['dob-default-jan1'] }),
      source({ at: '2026-06-01', dateOfBirth: '2009-01-01', flags: ['dob-default-jan1'] }),
    ]);
    expect(golden.dateOfBirth).toBe('2009-03-19');
    expect(
      goldenView([source({ at: '2026-05-01', dateOfBirth: '2009-01-01', flags: ['dob-default-jan1'] })])
        .dateOfBirth,
    ).toBe('2009-01-01');
  });

  it('is empty for no records', () => {
    expect(goldenView([])).toEqual({
      nhsNumber: null,
      familyName: null,
      givenName: null,
      dateOfBirth: null,
      sex: null,
      postcode: null,
    });
  });
});
