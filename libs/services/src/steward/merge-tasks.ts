import { EntityManager } from 'typeorm';
import { SettledTaskRow } from './snapshots';

/**
 * After a merge: tasks whose record and candidate are now one person are superseded;
 * tasks proposing the retired person now propose the survivor.
 */
export async function settleTasksAfterMerge(
  manager: EntityManager,
  survivorId: string,
  retiredId: string,
  by: string,
  ownTaskId: string | null,
): Promise<{
  supersededTasks: SettledTaskRow[];
  repointedTasks: Array<{ id: string; version: number }>;
}> {
  // Read first (as they were, for an undo), then changed by id. The operation's own task is
  // resolved by its decision, and an undo reopens it itself.
  const superseded: SettledTaskRow[] = await manager.query(
    `SELECT t.id, t.status, t.assignee, t.assignee_id, to_json(t.lease_until) #>> '{}' AS lease_until, t.reason,
            t.version + 1 AS version
       FROM review_task t
      WHERE t.status NOT IN ('resolved', 'pending-approval') AND t.candidate_person_id IN ($1, $2)
        AND EXISTS (SELECT 1 FROM link l WHERE l.record_id = t.record_id AND l.ended_at IS NULL AND l.person_id = $1)
      ORDER BY t.id FOR UPDATE`,
    [survivorId, retiredId],
  );
  if (superseded.length > 0)
    await manager.query(
      `UPDATE review_task t SET status = 'resolved', resolution = 'superseded', resolved_at = now(),
              resolved_by = $2, reason = 'record and candidate were merged', assignee = NULL, assignee_id = NULL,
              lease_until = NULL, version = t.version + 1, updated_at = now()
        WHERE t.id = ANY($1::uuid[])`,
      [superseded.map((t) => t.id), by],
    );
  const repointed: Array<{ id: string; version: number }> = await manager.query(
    `SELECT t.id, t.version + 1 AS version FROM review_task t
      WHERE t.status <> 'resolved' AND t.candidate_person_id = $2
        AND NOT EXISTS (SELECT 1 FROM review_task o WHERE o.status <> 'resolved' AND o.record_id = t.record_id
                          AND o.candidate_person_id = $1)
      ORDER BY t.id FOR UPDATE`,
    [survivorId, retiredId],
  );
  if (repointed.length > 0)
    await manager.query(
      `UPDATE review_task t SET candidate_person_id = $1, version = t.version + 1, updated_at = now()
        WHERE t.id = ANY($2::uuid[])`,
      [survivorId, repointed.map((t) => t.id)],
    );
  return {
    supersededTasks: superseded
      .filter((t) => t.id !== ownTaskId)
      .map((t) => ({ ...t, version: Number(t.version) })),
    repointedTasks: repointed
      .filter((t) => t.id !== ownTaskId)
      .map((t) => ({ ...t, version: Number(t.version) })),
  };
}
