/**
 * Expectation-maximisation for the Fellegi-Sunter model on aggregated comparison
 * patterns. u is fixed (estimated from random pairs, where matches are negligible); m and
 * the match proportion λ among the given pairs are estimated. Deterministic: the result
 * depends only on the inputs.
 */
export interface EmInput {
  /** Number of levels per field. */
  levelCounts: number[];
  /** Distinct level vectors (-1 = missing) and how many pairs showed each. */
  patterns: Int8Array[];
  counts: number[];
  /** u[f][level], fixed. */
  u: number[][];
  /** Starting m[f][level] and λ. */
  m: number[][];
  lambda: number;
  maxIterations?: number;
  /** Stop when no m or λ moves by more than this. */
  tolerance?: number;
}

export interface EmResult {
  m: number[][];
  lambda: number;
  iterations: number;
  converged: boolean;
  /** Expected number of matching pairs among the input pairs. */
  expectedMatches: number;
}

const FLOOR = 1e-6;

export function expectationMaximisation(input: EmInput): EmResult {
  const { levelCounts, patterns, counts, u } = input;
  const maxIt = input.maxIterations ?? 500;
  const tol = input.tolerance ?? 1e-6;
  let m = input.m.map((row) => row.slice());
  let lambda = input.lambda;
  const F = levelCounts.length;
  const P = patterns.length;
  const logU = new Float64Array(P);
  for (let p = 0; p < P; p++) {
    let s = 0;
    for (let f = 0; f < F; f++) if (patterns[p][f] >= 0) s += Math.log(u[f][patterns[p][f]]);
    logU[p] = s;
  }
  let iterations = 0;
  let converged = false;
  let expected = 0;
  while (iterations < maxIt) {
    iterations++;
    const acc = levelCounts.map((n) => new Float64Array(n));
    const present = new Float64Array(F);
    let sumP = 0;
    let total = 0;
    for (let p = 0; p < P; p++) {
      let logM = 0;
      for (let f = 0; f < F; f++) if (patterns[p][f] >= 0) logM += Math.log(m[f][patterns[p][f]]);
      const a = Math.log(lambda) + logM;
      const b = Math.log(1 - lambda) + logU[p];
      const post = 1 / (1 + Math.exp(b - a));
      const w = post * counts[p];
      sumP += w;
      total += counts[p];
      for (let f = 0; f < F; f++) {
        const l = patterns[p][f];
        if (l >= 0) {
          acc[f][l] += w;
          present[f] += w;
        }
      }
    }
    const next = acc.map((row, f) => {
      const out = Array.from(row, (v) => (present[f] > 0 ? Math.max(v / present[f], FLOOR) : m[f][0]));
      if (present[f] === 0) return m[f].slice();
      const s = out.reduce((x, y) => x + y, 0);
      return out.map((v) => v / s);
    });
    const nextLambda = Math.min(Math.max(sumP / total, 1e-12), 1 - 1e-9);
    let delta = Math.abs(nextLambda - lambda);
    for (let f = 0; f < F; f++) for (let l = 0; l < levelCounts[f]; l++) delta = Math.max(delta, Math.abs(next[f][l] - m[f][l]));
    m = next;
    lambda = nextLambda;
    expected = sumP;
    if (delta < tol) {
      converged = true;
      break;
    }
  }
  return { m, lambda, iterations, converged, expectedMatches: expected };
}
