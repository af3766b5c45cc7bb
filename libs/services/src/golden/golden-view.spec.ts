import { goldenView, GoldenSource, survivorshipFromEnv } from './golden-view';

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
      survivorship: 'most-frequent',
    });
  });

  it('takes the most recent value under most-recent, and records the policy', () => {
    const records = [
      source({ at: '2026-01-01', raw: { familyName: 'Smith' } }),
      source({ at: '2026-02-01', raw: { familyName: 'Smith' } }),
      source({ at: '2026-03-01', raw: { familyName: 'Smyth' } }),
    ];
    expect(goldenView(records).familyName).toBe('SMITH');
    const golden = goldenView(records, { choose: 'most-recent', sourceOrder: [] });
    expect(golden.familyName).toBe('SMYTH');
    expect(golden.survivorship).toBe('most-recent');
  });

  it('lets a trusted source system win, and falls back to the others for a field it lacks', () => {
    const records = [
      source({ at: '2026-01-01', sourceSystem: 'PAS', raw: { familyName: 'Smith' } }),
      source({ at: '2026-02-01', sourceSystem: 'RIS', raw: { familyName: 'Smyth', postcode: 'LS1 4AP' } }),
      source({ at: '2026-03-01', sourceSystem: 'PACS', raw: { familyName: 'Smyth', postcode: 'LS2 9JT' } }),
    ];
    const golden = goldenView(records, { choose: 'most-frequent', sourceOrder: ['PAS', 'RIS'] });
    expect(golden.familyName).toBe('SMITH');
    // The PAS record has no postcode: RIS, the next most trusted, gives it.
    expect(golden.postcode).toBe('LS1 4AP');
    expect(golden.survivorship).toBe('most-frequent; trust PAS > RIS');
    // Without the order, the most frequent family name wins.
    expect(goldenView(records).familyName).toBe('SMYTH');
  });

  it('reads the policy from the environment and names a bad variable', () => {
    const problems: string[] = [];
    expect(
      survivorshipFromEnv(
        { EMPI_SURVIVORSHIP: 'most-recent', EMPI_SURVIVORSHIP_SOURCES: 'PAS, RIS' },
        problems,
      ),
    ).toEqual({ choose: 'most-recent', sourceOrder: ['PAS', 'RIS'] });
    expect(problems).toEqual([]);
    survivorshipFromEnv({ EMPI_SURVIVORSHIP: 'newest', EMPI_SURVIVORSHIP_SOURCES: 'PAS,PAS' }, problems);
    expect(problems).toEqual([
      'EMPI_SURVIVORSHIP must be most-frequent or most-recent (got "newest")',
      'EMPI_SURVIVORSHIP_SOURCES names PAS more than once',
    ]);
  });
});
