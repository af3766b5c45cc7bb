import { CompiledModel, compileModel } from '../model/compile';
import { MatchModel } from '../model/types';
import { StandardRecord } from '../standardise/standardise';
import { decodePattern, pairLevels } from '../batch/pair-weight';
import { expectationMaximisation, EmResult } from './em';
import { seededRandom } from './random';

// Taken once: see compare/edit.ts on globals inside jest's sandbox (this loop runs 2 M times).
const { floor } = Math;

export interface TrainOptions {
  seed?: number;
  /** Random pairs drawn to estimate u. */
  randomPairs?: number;
  maxIterations?: number;
  tolerance?: number;
}

export interface TrainReport {
  em: EmResult;
  randomPairs: number;
  candidatePairs: number;
}

/**
 * u per field and level from random pairs: nearly all random pairs are different people,
 * so the level frequencies among them estimate u directly. Unseen levels get half a count,
 * so that no u is zero (an infinite weight).
 */
export function estimateU(cm: CompiledModel, records: StandardRecord[], pairs: number, seed: number): number[][] {
  const n = records.length;
  const rand = seededRandom(seed);
  const counts = cm.weights.map((w) => new Float64Array(w.length));
  const present = new Float64Array(cm.weights.length);
  const levels = new Int8Array(cm.weights.length);
  for (let s = 0; s < pairs; s++) {
    const i = floor(rand() * n);
    let j = floor(rand() * (n - 1));
    if (j >= i) j++;
    pairLevels(cm, records[i], records[j], levels);
    for (let f = 0; f < levels.length; f++) {
      if (levels[f] >= 0) {
        counts[f][levels[f]]++;
        present[f]++;
      }
    }
  }
  return counts.map((row, f) => {
    const total = present[f];
    if (total === 0) return cm.model.fields[f].levels.map((l) => l.u);
    const u = Array.from(row, (c) => Math.max(c, 0.5) / total);
    const sum = u.reduce((x, y) => x + y, 0);
    return u.map((v) => v / sum);
  });
}

/**
 * Re-estimates a model from unlabelled records: u from random pairs, then m and the prior
 * by EM on the blocked candidate pairs (given as aggregated level patterns). Thresholds,
 * blocking rules and safety settings are kept from the base model.
 */
export function trainFromPatterns(
  base: MatchModel,
  records: StandardRecord[],
  patternCounts: Map<number, number>,
  options: TrainOptions = {},
): { model: MatchModel; report: TrainReport } {
  const cm = compileModel(base);
  const n = records.length;
  const totalPairs = (n * (n - 1)) / 2;
  const randomPairs = Math.min(options.randomPairs ?? 2_000_000, Math.max(1, Math.floor(totalPairs)));
  const u = estimateU(cm, records, randomPairs, options.seed ?? 42);
  const patterns: Int8Array[] = [];
  const counts: number[] = [];
  let candidatePairs = 0;
  for (const [code, count] of [...patternCounts.entries()].sort((x, y) => x[0] - y[0])) {
    const levels = new Int8Array(cm.weights.length);
    decodePattern(cm, code, levels);
    patterns.push(levels);
    counts.push(count);
    candidatePairs += count;
  }
  const em = expectationMaximisation({
    levelCounts: cm.weights.map((w) => w.length),
    patterns,
    counts,
    u,
    m: base.fields.map((f) => f.levels.map((l) => l.m)),
    lambda: 0.1,
    maxIterations: options.maxIterations,
    tolerance: options.tolerance,
  });
  const prior = Math.min(Math.max(em.expectedMatches / Math.max(totalPairs, 1), 1e-12), 0.5);
  const model: MatchModel = {
    ...base,
    version: `${base.version}+em.${n}`,
    description: `${base.description ?? ''} Re-estimated by EM on ${n} records (${candidatePairs} candidate pairs).`.trim(),
    prior,
    fields: base.fields.map((f, fi) => ({
      ...f,
      levels: f.levels.map((l, li) => ({ ...l, m: round(em.m[fi][li]), u: round(u[fi][li]) })),
    })),
  };
  return { model, report: { em, randomPairs, candidatePairs } };
}

function round(x: number): number {
  return Number(x.toPrecision(6));
}
