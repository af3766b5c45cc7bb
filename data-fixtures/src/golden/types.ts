import { SourceRecordInput } from '@concord/domain';

/**
 * What the matching engine should do with the records of a golden case:
 * - same-person: auto-link them;
 * - different-people: never auto-link them (review is acceptable, a link is a defect);
 * - needs-review: never auto-link; put them before a data steward.
 */
export type GoldenVerdict = 'same-person' | 'different-people' | 'needs-review';

export interface GoldenCase {
  name: string;
  /** At least two records, each with a recordId unique across all golden files. */
  records: Array<SourceRecordInput & { recordId: string }>;
  verdict: GoldenVerdict;
  note?: string;
  /** Ground truth, parallel to `records`: equal keys are the same real person. */
  personKeys: string[];
}

export interface GoldenScenario {
  scenario: string;
  description: string;
  cases: GoldenCase[];
}
