import { EntityManager } from 'typeorm';
import { preparedQuery } from '@concord/persistence';
import { ServiceError, ServiceErrorCode } from '../errors/service-error';

/**
 * Locks a person row for the rest of the transaction and returns the id of the active
 * person it stands for: a person retired by a merge names its successor, which is followed
 * (and locked) instead. Registrations and merges both take these row locks, so a record is
 * never linked to a person that a concurrent merge has just retired.
 */
export async function lockActivePerson(manager: EntityManager, personId: string): Promise<string> {
  let id = personId;
  for (let hops = 0; hops < 64; hops += 1) {
    const rows: Array<{ status: string; successor_id: string | null }> = await preparedQuery(
      manager,
      'SELECT status, successor_id FROM person WHERE id = $1 FOR UPDATE',
      [id],
    );
    if (rows.length === 0) throw new ServiceError(ServiceErrorCode.NotFound, `person ${id} not found`);
    if (rows[0].status === 'active' || !rows[0].successor_id) return id;
    id = rows[0].successor_id;
  }
  throw new ServiceError(ServiceErrorCode.Conflict, `person ${personId}: successor chain too long`);
}

/** Locks several persons in id order (so two operations never wait on each other in a cycle). */
export async function lockPersons(
  manager: EntityManager,
  ids: string[],
): Promise<Map<string, { status: string; successorId: string | null; version: number }>> {
  const sorted = [...new Set(ids)].sort();
  const rows: Array<{ id: string; status: string; successor_id: string | null; version: number }> =
    await manager.query(
      'SELECT id, status, successor_id, version FROM person WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [sorted],
    );
  const found = new Map(
    rows.map((r) => [r.id, { status: r.status, successorId: r.successor_id, version: r.version }]),
  );
  for (const id of sorted)
    if (!found.has(id)) throw new ServiceError(ServiceErrorCode.NotFound, `person ${id} not found`);
  return found;
}
