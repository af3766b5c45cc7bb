/** Relative frequency in [0, 1] of a standardised value among all records that have one. */
export interface TermFrequencyLookup {
  frequency(field: 'familyName' | 'givenName' | 'postcode', value: string): number | undefined;
}

/** One bar of the waterfall: the level a field reached and what it added to the match weight. */
export interface FieldComparison {
  field: string;
  level: string;
  label: string;
  weight: number;
  m: number;
  u: number;
  valueA: string | null;
  valueB: string | null;
  tfAdjusted: boolean;
}

export interface SafetyRuleHit {
  rule: string;
  description: string;
  effect: 'cap-at-review' | 'never-link';
}

export type Decision = 'link' | 'review' | 'non-link';

export interface PairScore {
  /** Match weight in bits: prior + Σ field weights. */
  weight: number;
  probability: number;
  decision: Decision;
  /** The prior's weight in bits (first bar of the waterfall). */
  prior: number;
  comparisons: FieldComparison[];
  rules: SafetyRuleHit[];
  modelVersion: string;
}

export interface ScoreOptions {
  termFrequencies?: TermFrequencyLookup;
  /** A steward said these are not the same person: never link. */
  keptApart?: boolean;
}
