import { EntityManager } from 'typeorm';
import { ChangeEventEntity, ChangeEventType } from '@concord/persistence';

export interface NewChangeEvent {
  type: ChangeEventType;
  personId: string | null;
  recordId: string | null;
  payload: Record<string, unknown>;
}

/**
 * Appends events to the change feed inside the caller's transaction. The counter row is
 * locked until commit, so concurrent writers take numbers one after another and a reader
 * never sees seq N+1 before seq N has committed: the feed is gap-free and in commit order.
 * Call it as the last write of a transaction to hold the lock for the shortest time.
 */
export async function appendChangeEvents(manager: EntityManager, events: NewChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  const rows: Array<{ value: string }> = await manager.query(
    `INSERT INTO event_sequence (name, value) VALUES ('change', $1)
     ON CONFLICT (name) DO UPDATE SET value = event_sequence.value + $1
     RETURNING value`,
    [events.length],
  );
  const last = BigInt(rows[0].value);
  const first = last - BigInt(events.length) + 1n;
  await manager.getRepository(ChangeEventEntity).insert(
    events.map((e, i) => ({
      seq: String(first + BigInt(i)),
      type: e.type,
      personId: e.personId,
      recordId: e.recordId,
      payload: e.payload,
    })),
  );
}
