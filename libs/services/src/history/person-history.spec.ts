import { parseInstant } from './person-history';

describe('parseInstant', () => {
  it('reads ISO 8601 dates and date-times with a zone', () => {
    expect(parseInstant('at', '2026-11-28').toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(parseInstant('at', '2026-11-28T10:15:00Z').toISOString()).toBe('2026-11-28T10:15:00.000Z');
    expect(parseInstant('at', '2026-11-28T10:15:30.250+01:00').toISOString()).toBe(
      '2026-11-28T09:15:30.250Z',
    );
  });

  it('refuses a time without a zone, free text and impossible dates, naming the field', () => {
    expect(() => parseInstant('at', '2026-11-28T10:15:00')).toThrow(/^at: must be an ISO 8601/);
    expect(() => parseInstant('at', 'yesterday')).toThrow(/^at: must be an ISO 8601/);
    expect(() => parseInstant('at', '2026-13-45')).toThrow(/^at: "2026-13-45" is not a real date/);
    expect(() => parseInstant('at', '2026-02-30T10:00:00Z')).toThrow(/is not a real date/);
  });
});
