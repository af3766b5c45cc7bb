import { displayValue, FieldName } from '../compare/levels';
import { StandardRecord } from '../standardise/standardise';
import { CompiledModel, compileModel } from '../model/compile';
import { MatchModel } from '../model/types';
import { RULE_DISTINCT, RULE_KEPT_APART, ruleHits, safetyRules } from './safety';
import { Decision, FieldComparison, PairScore, ScoreOptions, TermFrequencyLookup } from './types';

const TF_VALUE: Partial<Record<FieldName, (r: StandardRecord) => string | null>> = {
  familyName: (r) => r.familyName,
  givenName: (r) => r.givenName,
  postcode: (r) => r.postcode,
};

/**
 * Weight of the exact level adjusted by term frequency: agreeing on SMITH says less than
 * agreeing on a rare name, so u becomes the value's frequency (never below the floor).
 * Returns NaN when no adjustment applies.
 */
export function tfWeight(cm: CompiledModel, f: number, value: string | null, tf: TermFrequencyLookup | undefined): number {
  if (tf === undefined || value === null) return NaN;
  const m = cm.tfM[f];
  if (Number.isNaN(m)) return NaN;
  const freq = tf.frequency(cm.fields[f] as 'familyName' | 'givenName' | 'postcode', value);
  if (freq === undefined) return NaN;
  return Math.log2(m / Math.max(freq, cm.minFrequency));
}

/**
 * Field weight for a level, then the evidence-group cap (household fields together add at
 * most the group's maxWeight). `groupSums` carries the running positive sums per group.
 */
export function cappedWeight(cm: CompiledModel, f: number, w: number, groupSums: Float64Array): number {
  const g = cm.groupOf[f];
  if (g < 0 || w <= 0) return w;
  const room = Math.max(0, cm.groupCap[g] - groupSums[g]);
  const capped = Math.min(w, room);
  groupSums[g] += capped;
  return capped;
}

/** Decision from a weight and safety rules: never-link rules forbid links, cap rules hold at review. */
export function decide(cm: CompiledModel, weight: number, rules: number): Decision {
  if (rules & (RULE_KEPT_APART | RULE_DISTINCT)) return 'non-link';
  if (weight >= cm.linkWeight) return rules === 0 ? 'link' : 'review';
  return weight >= cm.reviewWeight ? 'review' : 'non-link';
}

export function probabilityOf(weight: number): number {
  const x = Math.pow(2, weight);
  return Number.isFinite(x) ? x / (1 + x) : 1;
}

const levelsScratch = new Int8Array(32);

/** Scores one pair with its explanation: the waterfall of field contributions and any safety rules. */
export function scorePair(a: StandardRecord, b: StandardRecord, model: MatchModel, options: ScoreOptions = {}): PairScore {
  const cm = compileModel(model);
  const levels = levelsScratch;
  const groupSums = new Float64Array(cm.groupCap.length);
  const comparisons: FieldComparison[] = [];
  let weight = cm.priorWeight;
  for (let f = 0; f < cm.fields.length; f++) {
    const level = cm.comparators[f](a, b);
    levels[f] = level;
    const field = cm.fields[f];
    const fm = model.fields[f];
    if (level < 0) {
      comparisons.push({
        field,
        level: 'missing',
        label: `${field}: missing on one side`,
        weight: 0,
        m: 1,
        u: 1,
        valueA: displayValue(a, field),
        valueB: displayValue(b, field),
        tfAdjusted: false,
      });
      continue;
    }
    let w = cm.weights[f][level];
    let u = fm.levels[level].u;
    let tfAdjusted = false;
    if (level === 0) {
      const get = TF_VALUE[field];
      const adj = get ? tfWeight(cm, f, get(a), options.termFrequencies) : NaN;
      if (!Number.isNaN(adj)) {
        w = adj;
        u = fm.levels[0].m / Math.pow(2, adj);
        tfAdjusted = true;
      }
    }
    w = cappedWeight(cm, f, w, groupSums);
    weight += w;
    comparisons.push({
      field,
      level: fm.levels[level].id,
      label: fm.levels[level].label,
      weight: w,
      m: fm.levels[level].m,
      u,
      valueA: displayValue(a, field),
      valueB: displayValue(b, field),
      tfAdjusted,
    });
  }
  let rules = safetyRules(cm, a, b, levels);
  if (options.keptApart) rules |= RULE_KEPT_APART;
  return {
    weight,
    probability: probabilityOf(weight),
    decision: decide(cm, weight, rules),
    prior: cm.priorWeight,
    comparisons,
    rules: ruleHits(rules),
    modelVersion: model.version,
  };
}

/**
 * Scores a record against every record of one person and keeps the best pair, then applies
 * person-level rules: when the person already holds a valid NHS number different from the
 * record's, the record may at most go to review (even if another of the person's records
 * lacks a number and matches perfectly).
 */
export function scoreAgainstPerson(
  record: StandardRecord,
  personRecords: StandardRecord[],
  model: MatchModel,
  options: ScoreOptions = {},
): PairScore {
  if (personRecords.length === 0) throw new Error('scoreAgainstPerson needs at least one person record');
  let best: PairScore | null = null;
  for (const p of personRecords) {
    const s = scorePair(record, p, model, options);
    if (best === null || s.weight > best.weight) best = s;
  }
  const result = best as PairScore;
  if (model.safety.nhsConflict && record.nhsValid) {
    const conflict = personRecords.some((p) => p.nhsValid && p.nhs !== record.nhs);
    if (conflict && !result.rules.some((r) => r.rule === 'nhs-number-conflict')) {
      result.rules.push({
        rule: 'person-nhs-number-conflict',
        description: 'The person already holds a different valid NHS number: a steward must decide.',
        effect: 'cap-at-review',
      });
      if (result.decision === 'link') result.decision = 'review';
    }
  }
  return result;
}

/** FHIR match grade (http://hl7.org/fhir/ValueSet/match-grade). */
export type MatchGrade = 'certain' | 'probable' | 'possible' | 'certainly-not';

/**
 * FHIR match grade of a score: from its decision first, so that a pair a safety rule holds
 * in review (two valid NHS numbers, twins) is never "certain" however high its probability —
 * a caller asking for certain matches only would otherwise link it.
 * - certain: Concord links it automatically;
 * - probable: a steward must decide, and the evidence leans to one person (probability at
 *   least 0.5) or a safety rule holds a pair scored above the link threshold;
 * - possible: a steward must decide, and the evidence leans the other way;
 * - certainly-not: below the review threshold, or a rule forbids the link.
 */
export function matchGrade(score: Pick<PairScore, 'probability' | 'decision'>, model: MatchModel): MatchGrade {
  if (score.decision === 'link') return 'certain';
  if (score.decision === 'non-link') return 'certainly-not';
  return score.probability >= Math.min(0.5, model.thresholds.link) ? 'probable' : 'possible';
}
