import { DEFAULT_FILTERS, nearEnd, toTaskFilter } from './task-filters';

describe('toTaskFilter', () => {
  it('asks for open tasks of every queue by default', () => {
    expect(toTaskFilter(DEFAULT_FILTERS)).toEqual({
      queue: null,
      status: 'OPEN',
      sourceSystem: null,
      mine: null,
      minAgeHours: null,
      maxAgeHours: null,
    });
  });

  it('turns an age band into hours and keeps the other controls', () => {
    expect(
      toTaskFilter({ queue: 'NHS_TRACE', status: '', sourceSystem: ' PACS-YORK ', mine: true, age: 'week' }),
    ).toEqual({
      queue: 'NHS_TRACE',
      status: null,
      sourceSystem: 'PACS-YORK',
      mine: true,
      minAgeHours: 24,
      maxAgeHours: 168,
    });
    expect(toTaskFilter({ ...DEFAULT_FILTERS, age: 'older' })).toMatchObject({
      minAgeHours: 168,
      maxAgeHours: null,
    });
    expect(toTaskFilter({ ...DEFAULT_FILTERS, age: 'today' })).toMatchObject({
      minAgeHours: null,
      maxAgeHours: 24,
    });
  });
});

describe('nearEnd', () => {
  it('asks for the next page once the rendered rows come within the margin of the loaded ones', () => {
    expect(nearEnd(20, 50)).toBe(false);
    expect(nearEnd(35, 50)).toBe(true);
    expect(nearEnd(0, 0)).toBe(false);
  });
});
