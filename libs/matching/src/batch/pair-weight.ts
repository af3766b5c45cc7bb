import { CompiledModel } from '../model/compile';
import { StandardRecord } from '../standardise/standardise';
import { cappedWeight, tfWeight } from '../score/score';
import { TermFrequencyLookup } from '../score/types';

/** Levels of every model field for a pair, into `out` (-1 = missing). */
export function pairLevels(cm: CompiledModel, a: StandardRecord, b: StandardRecord, out: Int8Array): void {
  for (let f = 0; f < cm.comparators.length; f++) out[f] = cm.comparators[f](a, b);
}

/** Mixed-radix code of a level vector (each level + 1, so missing is 0): the unit EM counts. */
export function encodePattern(cm: CompiledModel, levels: Int8Array): number {
  let code = 0;
  for (let f = 0; f < cm.weights.length; f++) code = code * (cm.weights[f].length + 1) + (levels[f] + 1);
  return code;
}

export function decodePattern(cm: CompiledModel, code: number, out: Int8Array): void {
  for (let f = cm.weights.length - 1; f >= 0; f--) {
    const radix = cm.weights[f].length + 1;
    out[f] = (code % radix) - 1;
    code = Math.floor(code / radix);
  }
}

/**
 * Match weight of a pair from its levels: the same arithmetic as scorePair (the same
 * tfWeight and cappedWeight helpers, in the same field order) without building the
 * explanation, so batch and real-time scores agree to the last bit.
 */
export function pairWeight(
  cm: CompiledModel,
  a: StandardRecord,
  levels: Int8Array,
  tf: TermFrequencyLookup | undefined,
  groupSums: Float64Array,
): number {
  groupSums.fill(0);
  let weight = cm.priorWeight;
  for (let f = 0; f < cm.fields.length; f++) {
    const level = levels[f];
    if (level < 0) continue;
    let w = cm.weights[f][level];
    if (level === 0 && !Number.isNaN(cm.tfM[f])) {
      const field = cm.fields[f];
      const adj = tfWeight(cm, f, field === 'familyName' ? a.familyName : field === 'givenName' ? a.givenName : a.postcode, tf);
      if (!Number.isNaN(adj)) w = adj;
    }
    weight += cappedWeight(cm, f, w, groupSums);
  }
  return weight;
}
