import { EntityManager } from 'typeorm';
import { preparedQuery } from '@concord/persistence';
import { ServiceError, ServiceErrorCode } from '../errors/service-error';
import type { GoldenSource } from '../golden/golden-view';

/**
 * Locks a person row for the rest of the transaction and returns the id of the active
 * person it stands for: a person retired by a merge names its successor, which is followed
 * (and locked) instead. Registrations and merges both take these row locks, so a record is
 * never linked to a person that a concurrent merge has just retired.
 */
export async function lockActivePerson(manager: EntityManager, personId: string): Promise<string> {
  return (await lockPersonForLink(manager, personId)).personId;
}

/**
 * Locks the active person a record is about to join (a retired person's successor, as
 * `lockActivePerson`) and reads, after the lock so no link can change under it, the current
 * records its golden view is computed from: one round trip (`concord_lock_person_for_link`,
 * migration RegistrationFunctions, where the successors are followed).
 */
export async function lockPersonForLink(
  manager: EntityManager,
  personId: string,
): Promise<{ personId: string; records: GoldenSource[] }> {
  const [{ locked }]: Array<{
    locked: {
      personId?: string;
      missing?: string;
      chainTooLong?: string;
      records?: Array<Omit<GoldenSource, 'updatedAt'> & { updatedAt: string }>;
    };
  }> = await preparedQuery(manager, 'SELECT concord_lock_person_for_link($1::uuid) AS locked', [personId]);
  if (locked.missing) throw new ServiceError(ServiceErrorCode.NotFound, `person ${locked.missing} not found`);
  if (locked.chainTooLong || !locked.personId)
    throw new ServiceError(ServiceErrorCode.Conflict, `person ${personId}: successor chain too long`);
  return {
    personId: locked.personId,
    records: (locked.records ?? []).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) })),
  };
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
