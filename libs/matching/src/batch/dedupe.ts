import { CompiledModel, compileModel } from '../model/compile';
import { MatchModel } from '../model/types';
import { StandardRecord } from '../standardise/standardise';
import { RULE_KEPT_APART, safetyRules } from '../score/safety';
import { decide } from '../score/score';
import { clusterPairs } from '../cluster/cluster';
import { trainFromPatterns, TrainReport } from '../em/train';
import { candidatePairs, CandidatePairs } from './candidates';
import { IntList } from './growable';
import { encodePattern, decodePattern, pairLevels, pairWeight } from './pair-weight';
import { CountedTermFrequencies } from './term-frequencies';

export const DECISION_LINK = 1;
export const DECISION_REVIEW = 2;

export interface DedupeOptions {
  /** Re-estimate m/u and the prior from the records themselves first (EM, no labels). */
  estimate?: boolean;
  seed?: number;
  onProgress?: (stage: string) => void;
}

export interface DedupeResult {
  model: MatchModel;
  clusterOf: Int32Array;
  clusters: number;
  /** Pairs decided link or review (record indices, a < b). */
  pairA: Int32Array;
  pairB: Int32Array;
  pairWeight: Float64Array;
  pairDecision: Uint8Array;
  stats: {
    records: number;
    candidatePairs: number;
    links: number;
    reviews: number;
    refusedLinks: number;
    perRule: CandidatePairs['perRule'];
    oversized: CandidatePairs['oversized'];
    timings: Record<string, number>;
    training?: TrainReport;
  };
}

/** Link or review pairs of a slice of the candidate pairs, in candidate order. */
export interface ScoredPairs {
  /** Candidate pair index (into the whole candidate list). */
  index: Int32Array;
  weight: Float64Array;
  decision: Uint8Array;
}

/** Level patterns of candidate pairs [from, to): `out[p - from]` (see encodePattern). */
export function comparePairs(
  cm: CompiledModel,
  records: StandardRecord[],
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  from: number,
  to: number,
  out: Int32Array,
): void {
  const levels = new Int8Array(cm.weights.length);
  for (let p = from; p < to; p++) {
    pairLevels(cm, records[a[p - from]], records[b[p - from]], levels);
    out[p - from] = encodePattern(cm, levels);
  }
}

/**
 * Scores candidate pairs [from, to) from their patterns (`a`, `b`, `patterns` indexed by
 * p - from) and keeps the link and review pairs. Slices scored apart and concatenated in
 * order give exactly what one pass over all pairs gives: each pair's score depends only on
 * the pair, the model and the batch term frequencies.
 */
export function scorePairs(
  cm: CompiledModel,
  records: StandardRecord[],
  tf: CountedTermFrequencies,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  patterns: ArrayLike<number>,
  from: number,
  to: number,
): ScoredPairs {
  const levels = new Int8Array(cm.weights.length);
  const groupSums = new Float64Array(cm.groupCap.length);
  const keptIdx = new IntList();
  const keptW: number[] = [];
  const keptD: number[] = [];
  for (let p = from; p < to; p++) {
    decodePattern(cm, patterns[p - from], levels);
    const ra = records[a[p - from]];
    const w = pairWeight(cm, ra, levels, tf, groupSums);
    if (w < cm.reviewWeight) continue;
    const rules = safetyRules(cm, ra, records[b[p - from]], levels);
    const d = decide(cm, w, rules);
    if (d === 'non-link') continue;
    keptIdx.push(p);
    keptW.push(w);
    keptD.push(d === 'link' ? DECISION_LINK : DECISION_REVIEW);
  }
  return {
    index: keptIdx.toArray().slice(),
    weight: Float64Array.from(keptW),
    decision: Uint8Array.from(keptD),
  };
}

/** Re-estimates the model from the candidate pairs' level patterns (EM, no labels). */
export function estimateModel(
  baseModel: MatchModel,
  records: StandardRecord[],
  patterns: Int32Array,
  seed: number | undefined,
): { model: MatchModel; report: TrainReport } {
  const counts = new Map<number, number>();
  for (let p = 0; p < patterns.length; p++) counts.set(patterns[p], (counts.get(patterns[p]) ?? 0) + 1);
  return trainFromPatterns(baseModel, records, counts, { seed });
}

/**
 * In-memory de-duplication of standardised records: block, compare, (optionally) train,
 * score, cluster. Pure: no I/O; the CLI reads and writes around it (and runs the compare and
 * score stages on worker threads with the same functions: see apps/cli batch/parallel-dedupe).
 */
export function dedupeRecords(
  records: StandardRecord[],
  baseModel: MatchModel,
  options: DedupeOptions = {},
): DedupeResult {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const progress = options.onProgress ?? (() => undefined);

  progress('blocking');
  const cand = candidatePairs(records, baseModel, (rule) => progress(`blocking: ${rule}`));
  lap('blocking');

  progress(`comparing ${cand.a.length} candidate pairs`);
  const patterns = new Int32Array(cand.a.length);
  comparePairs(compileModel(baseModel), records, cand.a, cand.b, 0, cand.a.length, patterns);
  lap('compare');

  let model = baseModel;
  let training: TrainReport | undefined;
  if (options.estimate) {
    progress('estimating the model (EM)');
    const trained = estimateModel(baseModel, records, patterns, options.seed);
    model = trained.model;
    training = trained.report;
    lap('estimate');
  }

  progress('scoring');
  const tf = CountedTermFrequencies.fromRecords(records);
  const scored = scorePairs(compileModel(model), records, tf, cand.a, cand.b, patterns, 0, cand.a.length);
  lap('score');

  progress('clustering');
  const result = clusterScored(model, records, cand, [scored], timings, training);
  lap('cluster');
  return result;
}

/**
 * Clusters the link pairs of the scored slices (concatenated in order) and assembles the
 * result; refused links become review pairs.
 */
export function clusterScored(
  model: MatchModel,
  records: StandardRecord[],
  cand: CandidatePairs,
  slices: ScoredPairs[],
  timings: Record<string, number>,
  training?: TrainReport,
): DedupeResult {
  const cm = compileModel(model);
  let total = 0;
  for (const s of slices) total += s.index.length;
  const pairA = new Int32Array(total);
  const pairB = new Int32Array(total);
  const pairWeight = new Float64Array(total);
  const pairDecision = new Uint8Array(total);
  let k = 0;
  for (const s of slices) {
    for (let x = 0; x < s.index.length; x++, k++) {
      pairA[k] = cand.a[s.index[x]];
      pairB[k] = cand.b[s.index[x]];
      pairWeight[k] = s.weight[x];
      pairDecision[k] = s.decision[x];
    }
  }
  const linkPos: number[] = [];
  for (let x = 0; x < total; x++) if (pairDecision[x] === DECISION_LINK) linkPos.push(x);
  const scratch = new Int8Array(cm.weights.length);
  const clusters = clusterPairs({
    size: records.length,
    a: linkPos.map((x) => pairA[x]),
    b: linkPos.map((x) => pairB[x]),
    weight: linkPos.map((x) => pairWeight[x]),
    forbidden: (i, j) => {
      pairLevels(cm, records[i], records[j], scratch);
      return (safetyRules(cm, records[i], records[j], scratch) & ~RULE_KEPT_APART) !== 0;
    },
    conflictKey: (i) => (model.safety.nhsConflict && records[i].nhsValid ? records[i].nhs : null),
  });
  for (const r of clusters.refused) pairDecision[linkPos[r]] = DECISION_REVIEW;
  let links = 0;
  for (let x = 0; x < total; x++) if (pairDecision[x] === DECISION_LINK) links++;
  return {
    model,
    clusterOf: clusters.clusterOf,
    clusters: clusters.clusters,
    pairA,
    pairB,
    pairWeight,
    pairDecision,
    stats: {
      records: records.length,
      candidatePairs: cand.a.length,
      links,
      reviews: total - links,
      refusedLinks: clusters.refused.length,
      perRule: cand.perRule,
      oversized: cand.oversized,
      timings,
      training,
    },
  };
}
