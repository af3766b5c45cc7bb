import { EntityManager } from 'typeorm';
import { PersonEntity, PersonSnapshot } from '@concord/persistence';

/** The persons and their current links as they are now (inside the caller's transaction). */
export async function snapshotPersons(manager: EntityManager, ids: string[]): Promise<PersonSnapshot[]> {
  const persons = await manager.getRepository(PersonEntity).findBy(ids.map((id) => ({ id })));
  const links: Array<{
    person_id: string;
    record_id: string;
    type: string;
    score: number | null;
    match_probability: number | null;
    model_version: string | null;
    explanation: object | null;
    reason: string;
    created_by: string;
  }> = await manager.query(
    `SELECT person_id, record_id, type, score, match_probability, model_version, explanation, reason, created_by
       FROM link WHERE person_id = ANY($1::uuid[]) AND ended_at IS NULL ORDER BY record_id`,
    [ids],
  );
  return ids.map((id) => {
    const person = persons.find((p) => p.id === id);
    if (!person) throw new Error(`person ${id} vanished inside its own transaction`);
    return {
      id,
      status: person.status,
      successorId: person.successorId,
      golden: person.golden,
      links: links
        .filter((l) => l.person_id === id)
        .map((l) => ({
          recordId: l.record_id,
          type: l.type,
          score: l.score,
          matchProbability: l.match_probability,
          modelVersion: l.model_version,
          explanation: l.explanation,
          reason: l.reason,
          createdBy: l.created_by,
        })),
    };
  });
}

/** A "not the same person" row as a merge found it (decided_at as ISO text, to the microsecond). */
export interface KeptApartRow {
  record_a: string;
  record_b: string;
  identity_a: string;
  identity_b: string;
  reason: string;
  decided_by: string;
  decided_at: string;
  operation_id: string | null;
}

/** An open task as a merge found it, before superseding it (lease_until as ISO text). */
export interface SettledTaskRow {
  id: string;
  status: string;
  assignee: string | null;
  /** Absent in snapshots taken before claims kept an identity. */
  assignee_id?: string | null;
  lease_until: string | null;
  reason: string | null;
  /** The task's version once the merge had changed it: a later change keeps the undo off it. */
  version: number;
}

/**
 * The retired person's before-snapshot of a merge also carries what the merge did besides
 * links: the "not the same person" decisions between the two persons' records it overrode,
 * the open tasks it superseded and the tasks it re-pointed from the retired person to the
 * survivor, so an undo puts them back.
 */
export type MergedAwaySnapshot = PersonSnapshot & {
  keptApart?: KeptApartRow[];
  supersededTasks?: SettledTaskRow[];
  repointedTasks?: Array<{ id: string; version: number }>;
};

/** Gives back tasks a merge superseded or re-pointed, unless they have changed since. */
export async function putBackSettledTasks(
  manager: EntityManager,
  retired: MergedAwaySnapshot,
  survivorId: string,
): Promise<void> {
  for (const t of retired.supersededTasks ?? [])
    await manager.query(
      `UPDATE review_task SET status = $2, assignee = $3, lease_until = $4::timestamptz, reason = $5,
              assignee_id = $7, resolution = NULL, resolved_at = NULL, resolved_by = NULL, version = version + 1,
              updated_at = now()
        WHERE id = $1 AND version = $6 AND status = 'resolved' AND resolution = 'superseded'`,
      [t.id, t.status, t.assignee, t.lease_until, t.reason, t.version, t.assignee_id ?? null],
    );
  for (const t of retired.repointedTasks ?? [])
    await manager.query(
      `UPDATE review_task SET candidate_person_id = $2, version = version + 1, updated_at = now()
        WHERE id = $1 AND version = $4 AND candidate_person_id = $3`,
      [t.id, retired.id, survivorId, t.version],
    );
}

/** Removes the kept-apart rows among these records and returns them as they were. */
export async function takeKeptApart(manager: EntityManager, recordIds: string[]): Promise<KeptApartRow[]> {
  const rows: KeptApartRow[] = await manager.query(
    `SELECT record_a, record_b, identity_a, identity_b, reason, decided_by,
            to_json(decided_at) #>> '{}' AS decided_at, operation_id
       FROM kept_apart WHERE record_a = ANY($1::uuid[]) AND record_b = ANY($1::uuid[])
      ORDER BY record_a, record_b`,
    [recordIds],
  );
  if (rows.length > 0)
    await manager.query(
      `DELETE FROM kept_apart WHERE record_a = ANY($1::uuid[]) AND record_b = ANY($1::uuid[])`,
      [recordIds],
    );
  return rows;
}

/** Puts back kept-apart rows that `takeKeptApart` removed. */
export async function putBackKeptApart(manager: EntityManager, rows: KeptApartRow[]): Promise<void> {
  for (const row of rows)
    await manager.query(
      `INSERT INTO kept_apart (record_a, record_b, identity_a, identity_b, reason, decided_by, decided_at, operation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7::timestamptz, $8)
       ON CONFLICT (record_a, record_b) DO NOTHING`,
      [
        row.record_a,
        row.record_b,
        row.identity_a,
        row.identity_b,
        row.reason,
        row.decided_by,
        row.decided_at,
        row.operation_id,
      ],
    );
}

/**
 * What an undo compares: who is active, who succeeds whom, which record sits where with which
 * link, and the golden view (a later update of a record changes it without moving a link;
 * restoring the older view would lose that update).
 */
export function stateKey(snapshots: PersonSnapshot[]): string {
  return canonicalJson(
    [...snapshots]
      .sort((a, b) => a.id.localeCompare(b.id))
      .map((s) => [
        s.id,
        s.status,
        s.successorId,
        s.golden,
        [...s.links]
          .sort((a, b) => a.recordId.localeCompare(b.recordId))
          .map((l) => [
            l.recordId,
            l.type,
            l.score,
            l.matchProbability,
            l.modelVersion,
            l.reason,
            l.createdBy,
          ]),
      ]),
  );
}

/** JSON with object keys sorted (jsonb hands objects back in its own key order). */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)),
        )
      : v,
  );
}

/**
 * Puts persons back exactly as snapshotted: ends the current links of every record the
 * snapshots mention (or that now sits with those persons), re-creates the snapshotted links
 * with their original type, score, explanation, reason and author, and restores status,
 * successor and golden view. Link rows are never deleted, so the history shows both moves.
 */
export async function restorePersons(
  manager: EntityManager,
  snapshots: PersonSnapshot[],
  actor: string,
): Promise<void> {
  const ids = snapshots.map((s) => s.id);
  const recordIds = snapshots.flatMap((s) => s.links.map((l) => l.recordId));
  await manager.query(
    `UPDATE link SET ended_at = now(), ended_by = $3
      WHERE ended_at IS NULL AND (person_id = ANY($1::uuid[]) OR record_id = ANY($2::uuid[]))`,
    [ids, recordIds, actor],
  );
  for (const snapshot of snapshots) {
    for (const link of snapshot.links)
      await manager.query(
        `INSERT INTO link (record_id, person_id, type, score, match_probability, model_version, explanation,
                           reason, created_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          link.recordId,
          snapshot.id,
          link.type,
          link.score,
          link.matchProbability,
          link.modelVersion,
          link.explanation === null ? null : JSON.stringify(link.explanation),
          link.reason,
          link.createdBy,
        ],
      );
    await manager.query(
      `UPDATE person SET status = $2, successor_id = $3, golden = $4, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [snapshot.id, snapshot.status, snapshot.successorId, JSON.stringify(snapshot.golden)],
    );
  }
}
