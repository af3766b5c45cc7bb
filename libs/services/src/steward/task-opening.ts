import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { PairScore, StandardRecord } from '@concord/matching';
import type { ReviewTaskType } from '@concord/persistence';

/** Base priority per queue: a conflict outranks a possible duplicate, tracing comes last. */
export const QUEUE_PRIORITY: Record<ReviewTaskType, number> = {
  'nhs-shared': 400,
  'nhs-duplicate': 300,
  'possible-duplicate': 200,
  'nhs-trace': 100,
};

/** Priority within the queue rises with the match probability (the likelier, the sooner). */
export function taskPriority(type: ReviewTaskType, probability: number | null): number {
  return QUEUE_PRIORITY[type] + Math.round((probability ?? 0) * 99);
}

export interface ScoredCandidate {
  personId: string;
  score: PairScore;
  records: Array<{ recordId: string; standardised: StandardRecord }>;
}

/** Which duplicate queue a doubtful or contradicting candidate belongs to, if any. */
export function queueFor(record: StandardRecord, candidate: ScoredCandidate): ReviewTaskType | null {
  const sharesNumber =
    record.nhsValid &&
    candidate.records.some((r) => r.standardised.nhsValid && r.standardised.nhs === record.nhs);
  if (candidate.score.decision === 'review') {
    if (candidate.score.rules.some((r) => r.rule.includes('nhs-number-conflict'))) return 'nhs-duplicate';
    return sharesNumber ? 'nhs-shared' : 'possible-duplicate';
  }
  // Not linked although one valid NHS number is on both sides: two people may share it.
  if (candidate.score.decision === 'non-link' && sharesNumber) return 'nhs-shared';
  return null;
}

export interface TaskToOpen {
  type: ReviewTaskType;
  recordId: string;
  candidatePersonId: string | null;
  score: PairScore | null;
}

/**
 * Opens tasks; an open task for the same record and person (or an open trace task of the
 * record) is left as it is. The task keeps the source systems of both sides for filtering.
 */
export async function openTasks(manager: EntityManager, tasks: TaskToOpen[]): Promise<void> {
  if (tasks.length === 0) return;
  const params: unknown[] = [];
  await manager.query(openTasksSql(tasks, params), params);
}

/**
 * `openTasks`'s INSERT as SQL, for a caller that writes the tasks inside a statement of its
 * own (a data-modifying CTE); the tasks travel as one JSON parameter pushed onto `params`.
 * `recordSourceSystem`: the source system of a record the same statement inserts (which the
 * statement's own reads cannot see yet).
 */
export function openTasksSql(
  tasks: TaskToOpen[],
  params: unknown[],
  options: { recordSourceSystem?: string } = {},
): string {
  const json = `$${params.push(
    JSON.stringify(
      tasks.map((t) => ({
        id: randomUUID(),
        type: t.type,
        rid: t.recordId,
        pid: t.candidatePersonId,
        score: t.score ? Math.round(t.score.weight * 1000) / 1000 : 0,
        prob: t.score?.probability ?? 0,
        prio: taskPriority(t.type, t.score?.probability ?? null),
        expl: t.score ? explanationOf(t.score) : {},
        mv: t.score?.modelVersion ?? '',
      })),
    ),
  )}::json`;
  const recordSystem =
    options.recordSourceSystem === undefined
      ? 'SELECT r.source_system FROM source_record r WHERE r.id = t.rid'
      : `SELECT $${params.push(options.recordSourceSystem)}::text`;
  // The tasks' source systems: two indexed lookups in a UNION (an OR of the two made the
  // planner scan every record).
  return `INSERT INTO review_task (id, type, status, record_id, candidate_person_id, score, match_probability,
                             priority, explanation, model_version, source_systems, version)
     SELECT t.id, t.type, 'open', t.rid, t.pid, t.score, t.prob, t.prio, t.expl, t.mv,
            ARRAY(${recordSystem}
                  UNION
                  SELECT r.source_system FROM link l JOIN source_record r ON r.id = l.record_id
                   WHERE l.person_id = t.pid AND l.ended_at IS NULL
                  ORDER BY 1), 1
       FROM json_to_recordset(${json})
         AS t(id uuid, type text, rid uuid, pid uuid, score float8, prob float8, prio int, expl jsonb, mv text)
     ON CONFLICT DO NOTHING`;
}

/** Closes the open trace task of a record that now carries a valid NHS number. */
export async function closeTraceTask(manager: EntityManager, recordId: string, by: string): Promise<void> {
  await manager.query(
    `UPDATE review_task SET status = 'resolved', resolution = 'superseded', resolved_at = now(),
            resolved_by = $2, reason = 'the source system sent a valid NHS number', assignee = NULL, assignee_id = NULL,
            lease_until = NULL, version = version + 1, updated_at = now()
      WHERE record_id = $1 AND type = 'nhs-trace' AND status <> 'resolved'`,
    [recordId, by],
  );
}

export function explanationOf(score: PairScore) {
  return {
    prior: score.prior,
    weight: score.weight,
    probability: score.probability,
    comparisons: score.comparisons,
    rules: score.rules,
    decision: score.decision,
  };
}
