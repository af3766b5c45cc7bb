import { candidatePairs } from '../batch/candidates';
import { encodePattern, pairLevels } from '../batch/pair-weight';
import { compileModel } from '../model/compile';
import { MatchModel } from '../model/types';
import { StandardRecord } from '../standardise/standardise';
import { trainFromPatterns, TrainOptions, TrainReport } from './train';

/** `train`: blocks the records with the base model's rules, then re-estimates m, u and the prior (EM). */
export function trainModel(
  records: StandardRecord[],
  base: MatchModel,
  options: TrainOptions = {},
): { model: MatchModel; report: TrainReport } {
  const cm = compileModel(base);
  const cand = candidatePairs(records, base);
  const levels = new Int8Array(cm.weights.length);
  const counts = new Map<number, number>();
  for (let p = 0; p < cand.a.length; p++) {
    pairLevels(cm, records[cand.a[p]], records[cand.b[p]], levels);
    const code = encodePattern(cm, levels);
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return trainFromPatterns(base, records, counts, options);
}
