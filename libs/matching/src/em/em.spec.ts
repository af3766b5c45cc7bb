import { expectationMaximisation } from './em';
import { seededRandom } from './random';

describe('expectationMaximisation', () => {
  it('recovers known m and λ from pairs generated with them (seeded)', () => {
    const rand = seededRandom(7);
    const mTrue = [
      [0.9, 0.07, 0.03],
      [0.8, 0.2],
      [0.85, 0.1, 0.05],
    ];
    const u = [
      [0.01, 0.09, 0.9],
      [0.3, 0.7],
      [0.02, 0.18, 0.8],
    ];
    const lambda = 0.2;
    const draw = (p: number[]) => {
      let x = rand();
      for (let i = 0; i < p.length; i++) if ((x -= p[i]) < 0) return i;
      return p.length - 1;
    };
    const counts = new Map<string, number>();
    for (let i = 0; i < 200_000; i++) {
      const match = rand() < lambda;
      const key = (match ? mTrue : u).map(draw).join(',');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const keys = [...counts.keys()];
    const result = expectationMaximisation({
      levelCounts: [3, 2, 3],
      patterns: keys.map((k) => Int8Array.from(k.split(',').map(Number))),
      counts: keys.map((k) => counts.get(k) ?? 0),
      u,
      m: [
        [0.5, 0.3, 0.2],
        [0.5, 0.5],
        [0.5, 0.3, 0.2],
      ],
      lambda: 0.5,
      tolerance: 1e-7,
    });
    expect(result.converged).toBe(true);
    expect(result.lambda).toBeCloseTo(lambda, 2);
    for (let f = 0; f < 3; f++) for (let l = 0; l < mTrue[f].length; l++) expect(result.m[f][l]).toBeCloseTo(mTrue[f][l], 1);
    expect(Math.abs(result.m[0][0] - 0.9)).toBeLessThan(0.01);
  });
});
