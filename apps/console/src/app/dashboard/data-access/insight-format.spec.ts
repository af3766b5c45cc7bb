import { displayDuration, displayPercent, niceMax, queueLabel, shortDay } from './insight-format';

describe('dashboard formatting', () => {
  it('shows durations in a sensible unit', () => {
    expect(displayDuration(null)).toBe('—');
    expect(displayDuration(42)).toBe('42 s');
    expect(displayDuration(45 * 60)).toBe('45 min');
    expect(displayDuration(6.5 * 3600)).toBe('6.5 h');
    expect(displayDuration(3.25 * 86400)).toBe('3.3 days');
  });

  it('shows shares as percentages and days as short dates', () => {
    expect(displayPercent(2 / 3)).toBe('66.7%');
    expect(displayPercent(null)).toBe('—');
    expect(shortDay('2026-03-05')).toBe('5 Mar');
    expect(queueLabel('nhs-trace')).toBe('NHS number to trace');
    expect(queueLabel('other')).toBe('other');
  });

  it('rounds an axis up to a round number', () => {
    expect(niceMax(0)).toBe(4);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(37)).toBe(40);
    expect(niceMax(930)).toBe(1000);
  });
});
