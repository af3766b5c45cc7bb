import { COMPARATORS, FieldName } from '../compare/levels';
import { StandardRecord } from '../standardise/standardise';
import { MatchModel } from './types';

/** A model turned into arrays for the scoring loop; built once per model object and cached. */
export interface CompiledModel {
  model: MatchModel;
  priorWeight: number;
  linkWeight: number;
  reviewWeight: number;
  fields: FieldName[];
  comparators: Array<(a: StandardRecord, b: StandardRecord) => number>;
  /** weights[f][level] = log2(m/u). */
  weights: Float64Array[];
  /** m of the exact level, for term-frequency adjustment (NaN when the field takes none). */
  tfM: Float64Array;
  minFrequency: number;
  /** Group index per field (-1 = none) and each group's cap. */
  groupOf: Int32Array;
  groupCap: Float64Array;
  /** Index of the field in `fields`, or -1 when the model does not compare it. */
  indexOf: Record<FieldName, number>;
}

const cache = new WeakMap<MatchModel, CompiledModel>();

export function logit2(p: number): number {
  return Math.log2(p / (1 - p));
}

export function compileModel(model: MatchModel): CompiledModel {
  let c = cache.get(model);
  if (c) return c;
  const fields = model.fields.map((f) => f.field);
  const indexOf = {} as Record<FieldName, number>;
  for (const name of Object.keys(COMPARATORS) as FieldName[]) indexOf[name] = fields.indexOf(name);
  const groupOf = new Int32Array(fields.length).fill(-1);
  model.groups.forEach((g, gi) => {
    for (const f of g.fields) if (indexOf[f] >= 0) groupOf[indexOf[f]] = gi;
  });
  c = {
    model,
    priorWeight: logit2(model.prior),
    linkWeight: logit2(Math.min(model.thresholds.link, 1 - 1e-15)),
    reviewWeight: logit2(Math.min(model.thresholds.review, 1 - 1e-15)),
    fields,
    comparators: fields.map((f) => COMPARATORS[f]),
    weights: model.fields.map((f) => Float64Array.from(f.levels.map((l) => Math.log2(l.m / l.u)))),
    tfM: Float64Array.from(model.fields.map((f) => (f.termFrequency ? f.levels[0].m : NaN))),
    minFrequency: model.termFrequency.minFrequency,
    groupOf,
    groupCap: Float64Array.from(model.groups.map((g) => g.maxWeight)),
    indexOf,
  };
  cache.set(model, c);
  return c;
}
