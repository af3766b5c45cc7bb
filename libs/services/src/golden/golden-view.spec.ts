import { goldenView, GoldenSource } from './golden-view';

const at = (iso: string) => new Date(iso);

describe('goldenView', () => {
  it('takes a valid NHS number over a more recent invalid one, and recent values otherwise', () => {
    const records: GoldenSource[] = [
      {
        raw: { familyName: 'Smith', givenName: 'Jane', postcode: 'ls1 4ap', sex: 'F' },
        nhsNumber: '9434765919',
        nhsNumberStatus: 'valid',
        dateOfBirth: '1980-02-01',
        updatedAt: at('2026-01-01T00:00:00Z'),
      },
      {
        raw: { familyName: 'Smyth', givenName: '' },
        nhsNumber: '9434765918',
        nhsNumberStatus: 'invalid',
        dateOfBirth: null,
        updatedAt: at('2026-06-01T00:00:00Z'),
      },
    ];
    expect(goldenView(records)).toEqual({
      nhsNumber: '9434765919',
      familyName: 'SMYTH',
      givenName: 'Jane',
      dateOfBirth: '1980-02-01',
      sex: 'F',
      postcode: 'LS1 4AP',
    });
  });

  it('is empty for no records', () => {
    expect(goldenView([]).nhsNumber).toBeNull();
  });
});
