import { compileModel } from '../model/compile';
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

/**
 * In-memory de-duplication of standardised records: block, compare, (optionally) train,
 * score, cluster. Pure: no I/O; the CLI reads and writes around it.
 */
export function dedupeRecords(records: StandardRecord[], baseModel: MatchModel, options: DedupeOptions = {}): DedupeResult {
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
  const cmBase = compileModel(baseModel);
  const levels = new Int8Array(cmBase.weights.length);
  const patterns = new Int32Array(cand.a.length);
  for (let p = 0; p < cand.a.length; p++) {
    pairLevels(cmBase, records[cand.a[p]], records[cand.b[p]], levels);
    patterns[p] = encodePattern(cmBase, levels);
  }
  lap('compare');

  let model = baseModel;
  let training: TrainReport | undefined;
  if (options.estimate) {
    progress('estimating the model (EM)');
    const counts = new Map<number, number>();
    for (let p = 0; p < patterns.length; p++) counts.set(patterns[p], (counts.get(patterns[p]) ?? 0) + 1);
    const trained = trainFromPatterns(baseModel, records, counts, { seed: options.seed });
    model = trained.model;
    training = trained.report;
    lap('estimate');
  }

  progress('scoring');
  const cm = compileModel(model);
  const tf = CountedTermFrequencies.fromRecords(records);
  const groupSums = new Float64Array(cm.groupCap.length);
  const keptIdx = new IntList();
  const keptW: number[] = [];
  const keptD: number[] = [];
  for (let p = 0; p < patterns.length; p++) {
    decodePattern(cm, patterns[p], levels);
    const a = records[cand.a[p]];
    const w = pairWeight(cm, a, levels, tf, groupSums);
    if (w < cm.reviewWeight) continue;
    const rules = safetyRules(cm, a, records[cand.b[p]], levels);
    const d = decide(cm, w, rules);
    if (d === 'non-link') continue;
    keptIdx.push(p);
    keptW.push(w);
    keptD.push(d === 'link' ? DECISION_LINK : DECISION_REVIEW);
  }
  lap('score');

  progress('clustering');
  const kept = keptIdx.toArray();
  const linkPos: number[] = [];
  for (let k = 0; k < kept.length; k++) if (keptD[k] === DECISION_LINK) linkPos.push(k);
  const scratch = new Int8Array(cm.weights.length);
  const clusters = clusterPairs({
    size: records.length,
    a: linkPos.map((k) => cand.a[kept[k]]),
    b: linkPos.map((k) => cand.b[kept[k]]),
    weight: linkPos.map((k) => keptW[k]),
    forbidden: (i, j) => {
      pairLevels(cm, records[i], records[j], scratch);
      return (safetyRules(cm, records[i], records[j], scratch) & ~RULE_KEPT_APART) !== 0;
    },
    conflictKey: (i) => (model.safety.nhsConflict && records[i].nhsValid ? records[i].nhs : null),
  });
  for (const r of clusters.refused) keptD[linkPos[r]] = DECISION_REVIEW;
  lap('cluster');

  const pairA = new Int32Array(kept.length);
  const pairB = new Int32Array(kept.length);
  let links = 0;
  for (let k = 0; k < kept.length; k++) {
    pairA[k] = cand.a[kept[k]];
    pairB[k] = cand.b[kept[k]];
    if (keptD[k] === DECISION_LINK) links++;
  }
  return {
    model,
    clusterOf: clusters.clusterOf,
    clusters: clusters.clusters,
    pairA,
    pairB,
    pairWeight: Float64Array.from(keptW),
    pairDecision: Uint8Array.from(keptD),
    stats: {
      records: records.length,
      candidatePairs: cand.a.length,
      links,
      reviews: kept.length - links,
      refusedLinks: clusters.refused.length,
      perRule: cand.perRule,
      oversized: cand.oversized,
      timings,
      training,
    },
  };
}
