import { computeWaterfall, probabilityOf, signedBits } from './waterfall';

const comparison = (field: string, weight: number) => ({
  field,
  weight,
  level: 'x',
  label: field,
  recordValue: null,
  candidateValue: null,
});

describe('computeWaterfall', () => {
  it('starts at the prior, steps each field from where the last ended and ends at the total', () => {
    const w = computeWaterfall({ prior: -10, weight: 5, comparisons: [comparison('a', 12), comparison('b', -2), comparison('c', 5)] });
    expect(w.bars.map((b) => [b.key, b.from, b.to, b.kind])).toEqual([
      ['prior', 0, -10, 'prior'],
      ['a', -10, 2, 'up'],
      ['b', 2, 0, 'down'],
      ['c', 0, 5, 'up'],
      ['total', 0, 5, 'total'],
    ]);
    expect(w.min).toBe(-10);
    expect(w.max).toBe(5);
    expect(w.total).toBe(5);
  });

  it('marks fields that add nothing and keeps zero on the axis', () => {
    const w = computeWaterfall({ prior: 3, weight: 3, comparisons: [comparison('phone', 0)] });
    expect(w.bars[1].kind).toBe('none');
    expect(w.min).toBe(0);
  });

  it('gives the probability of the total weight', () => {
    expect(computeWaterfall({ prior: 0, weight: 0, comparisons: [] }).probability).toBeCloseTo(0.5);
    expect(probabilityOf(10)).toBeCloseTo(1024 / 1025);
  });
});

describe('signedBits', () => {
  it('signs weights to one decimal', () => {
    expect(signedBits(8.748)).toBe('+8.7');
    expect(signedBits(-3.21)).toBe('−3.2');
    expect(signedBits(0.01)).toBe('0.0');
  });
});
