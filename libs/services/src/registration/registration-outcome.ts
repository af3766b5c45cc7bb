import type { StandardRecord } from '@concord/matching';
import type { SourceRecordEntity } from '@concord/persistence';
import { queueFor, ScoredCandidate, TaskToOpen } from '../steward/task-opening';
import type { KnownRegistration } from './registration-lookup';

export type RegistrationDecision = 'linked' | 'new' | 'review';

export interface RegistrationResult {
  recordId: string;
  personId: string;
  decision: RegistrationDecision;
  /** Match weight of the best candidate (null when there was none). */
  score: number | null;
  matchProbability: number | null;
  /** True when the same registration had already been received: nothing changed. */
  unchanged: boolean;
  /** True when the registration was already known and this call changed it (an update). */
  updated: boolean;
  flags: string[];
}

/** A placement's outcome, before the flags and the update marker are added. */
export type Answer = Omit<RegistrationResult, 'updated' | 'flags'>;

/**
 * The steward work a placement leaves: the best doubtful candidate (by queue), every other
 * candidate holding the same valid NHS number without being linked, and tracing when the
 * record's own NHS number is missing or invalid.
 */
export function tasksFor(
  record: SourceRecordEntity,
  standardised: StandardRecord,
  scored: ScoredCandidate[],
  best: ScoredCandidate | null,
  personId: string,
): TaskToOpen[] {
  const tasks: TaskToOpen[] = [];
  for (const candidate of scored) {
    if (candidate.personId === personId) continue;
    const queue = queueFor(standardised, candidate);
    if (!queue || (queue === 'possible-duplicate' && candidate !== best)) continue;
    tasks.push({
      type: queue,
      recordId: record.id,
      candidatePersonId: candidate.personId,
      score: candidate.score,
    });
  }
  if (record.nhsNumberStatus !== 'valid')
    tasks.push({ type: 'nhs-trace', recordId: record.id, candidatePersonId: null, score: null });
  return tasks;
}

/** The answer to a registration sent again unchanged, from what the lookup read. */
export function unchangedResult(known: KnownRegistration): RegistrationResult {
  const link = known.link;
  if (!link) throw new Error(`record ${known.id} has no current link`);
  const decision: RegistrationDecision =
    link.type === 'manual' || link.reason === 'auto-link'
      ? 'linked'
      : link.reason === 'review'
        ? 'review'
        : 'new';
  return {
    recordId: known.id,
    personId: link.personId,
    decision,
    score: link.score,
    matchProbability: link.matchProbability,
    unchanged: true,
    updated: false,
    flags: known.flags,
  };
}

/** What the ledger records of a registration's outcome. */
export function auditAfter(record: SourceRecordEntity, result: Answer) {
  return {
    sourceSystem: record.sourceSystem,
    localId: record.localId,
    version: record.version,
    personId: result.personId,
    decision: result.decision,
    score: result.score,
    matchProbability: result.matchProbability,
    flags: record.flags,
  };
}

export function linkPayload(record: SourceRecordEntity) {
  return { sourceSystem: record.sourceSystem, localId: record.localId };
}

export function roundWeight(weight: number): number {
  return Math.round(weight * 1000) / 1000;
}
