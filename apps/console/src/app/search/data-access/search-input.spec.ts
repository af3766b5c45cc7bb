import { normaliseNhsNumber, toSearchInput } from './search-input';

const empty = { nhsNumber: '', familyName: '', givenName: '', dateOfBirth: '' };

describe('search input', () => {
  it('accepts an NHS number in any formatting', () => {
    expect(normaliseNhsNumber(' 943-476 5919 ')).toBe('9434765919');
    expect(toSearchInput({ ...empty, nhsNumber: '943 476 5919' })).toEqual({ input: { nhsNumber: '9434765919' } });
  });

  it('refuses an NHS number without 10 digits', () => {
    expect(toSearchInput({ ...empty, nhsNumber: '943 476' })).toEqual({ error: expect.stringContaining('10 digits') });
  });

  it('needs a family name and a date of birth when there is no NHS number', () => {
    expect(toSearchInput({ ...empty, familyName: 'Smith' })).toEqual({ error: expect.stringContaining('date of birth') });
    expect(toSearchInput({ ...empty, familyName: ' Smith ', dateOfBirth: '1980-01-02' })).toEqual({
      input: { familyName: 'Smith', givenName: null, dateOfBirth: '1980-01-02' },
    });
  });
});
