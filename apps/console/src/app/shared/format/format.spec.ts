import {
  displayDate,
  displayDateTime,
  displayName,
  displayNhsNumber,
  displayProbability,
  displayScore,
  displaySex,
} from './format';

describe('display formatting', () => {
  it('formats NHS numbers 3-3-4 whatever the sender used', () => {
    expect(displayNhsNumber('9434765919')).toBe('943 476 5919');
    expect(displayNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(displayNhsNumber('12345')).toBe('12345');
    expect(displayNhsNumber(null)).toBe('—');
  });

  it('formats calendar dates without shifting them by time zone', () => {
    expect(displayDate('1984-03-07')).toBe('7 Mar 1984');
    expect(displayDate('2001-12-31')).toBe('31 Dec 2001');
    expect(displayDate('1984-13-40')).toBe('1984-13-40');
    expect(displayDate('')).toBe('—');
  });

  it('formats timestamps and keeps unparseable ones as sent', () => {
    expect(displayDateTime('2026-03-07T14:05:00')).toBe('7 Mar 2026, 14:05');
    expect(displayDateTime('not a date')).toBe('not a date');
  });

  it('spells out coded sexes', () => {
    expect(displaySex('M')).toBe('Male');
    expect(displaySex('female')).toBe('Female');
    expect(displaySex('2')).toBe('Female');
    expect(displaySex('U')).toBe('Unknown');
    expect(displaySex('Q')).toBe('Q');
  });

  it('puts the family name first in capitals', () => {
    expect(displayName('Smith', 'Jane')).toBe('SMITH, Jane');
    expect(displayName(null, 'Jane')).toBe('Jane');
    expect(displayName(null, null)).toBe('Name not recorded');
  });

  it('shows probabilities as percentages and scores with two decimals', () => {
    expect(displayProbability(0.98765)).toBe('98.8%');
    expect(displayProbability(null)).toBe('—');
    expect(displayProbability(0.99999)).toBe('> 99.9%');
    expect(displayProbability(0.00001)).toBe('< 0.1%');
    expect(displayProbability(1)).toBe('100%');
    expect(displayScore(12.3456)).toBe('12.35');
  });
});
