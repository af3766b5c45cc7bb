import { DataSource, EntityManager } from 'typeorm';
import type { ChangeEventType } from '@concord/persistence';

export interface NewChangeEvent {
  type: ChangeEventType;
  personId: string | null;
  recordId: string | null;
  payload: Record<string, unknown>;
}

/** Events numbered per sequencing transaction. */
const SEQUENCE_BATCH = 5000;

/**
 * Appends events to the change feed inside the caller's transaction: one INSERT, no shared
 * lock, so concurrent writers never wait for each other here. The events get no `seq` yet
 * and are not served until a sequencer (`sequenceChangeEvents`) numbers them after the
 * transaction committed; an event of a rolled-back transaction is never numbered.
 */
export async function appendChangeEvents(manager: EntityManager, events: NewChangeEvent[]): Promise<void> {
  if (events.length === 0) return;
  const params: unknown[] = [];
  await manager.query(changeEventsInsertSql(events, params), params);
}

/**
 * `appendChangeEvents`'s INSERT as SQL, for a caller that writes the events inside a statement
 * of its own (a data-modifying CTE); the values are pushed onto `params`. The events draw
 * their ids in the order given, as with `appendChangeEvents`.
 */
export function changeEventsInsertSql(events: NewChangeEvent[], params: unknown[]): string {
  const $ = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
  const rows = events.map(
    (e) =>
      `(${$(e.type)}, ${$(e.personId, '::uuid')}, ${$(e.recordId, '::uuid')}, ${$(JSON.stringify(e.payload), '::jsonb')})`,
  );
  return `INSERT INTO change_event (type, person_id, record_id, payload) VALUES ${rows.join(', ')}`;
}

/**
 * Locks the feed's counter row (waiting, or skipping when `wait` is false and another
 * sequencer holds it) and returns the last `seq` given, or null when skipped. The lock is
 * held until the caller's transaction ends.
 */
export async function lockFeedCounter(manager: EntityManager, wait: boolean): Promise<bigint | null> {
  const rows: Array<{ value: string }> = await manager.query(
    `SELECT value FROM event_sequence WHERE name = 'change' FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`,
  );
  if (rows.length > 0) return BigInt(rows[0].value);
  if (!wait) return null;
  throw new Error('the change feed counter (event_sequence "change") is missing: run the migrations');
}

/**
 * Numbers up to `limit` committed events without a `seq`, in `id` order, after `last`.
 * Call with the counter locked (`lockFeedCounter`) and store the returned last `seq` in
 * the same transaction (`storeFeedCounter`). The statement runs after the lock was granted,
 * so (READ COMMITTED) its snapshot sees every commit of the previous holder.
 *
 * Why `id` order keeps the feed's meaning: two transactions touching the same person or
 * record are serialised by their locks, so the later one inserts its events (and draws
 * their ids) only after the earlier one committed; any pass that sees the later one sees
 * the earlier one too, and numbers it first (or numbered it already).
 */
export async function numberCommittedEvents(
  manager: EntityManager,
  last: bigint,
  limit = SEQUENCE_BATCH,
): Promise<{ last: bigint; numbered: number }> {
  // A SELECT around the UPDATE: the driver answers an UPDATE with [rows, count].
  const [{ numbered }]: Array<{ numbered: number }> = await manager.query(
    `WITH q AS (SELECT id FROM change_event WHERE seq IS NULL ORDER BY id LIMIT ${Number(limit)}),
          numbered AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM q),
          done AS (UPDATE change_event e SET seq = $1::bigint + numbered.n
                     FROM numbered WHERE e.id = numbered.id AND e.seq IS NULL
                   RETURNING 1)
     SELECT count(*)::int AS numbered FROM done`,
    [last.toString()],
  );
  return { last: last + BigInt(numbered), numbered };
}

export async function storeFeedCounter(manager: EntityManager, last: bigint): Promise<void> {
  await manager.query(`UPDATE event_sequence SET value = $1 WHERE name = 'change'`, [last.toString()]);
}

export interface SequenceOptions {
  /**
   * Wait for a sequencer already at work (the feed before it answers: it must see every
   * event committed before the request) instead of leaving the work to it (the periodic
   * sequencer of each API replica).
   */
  wait?: boolean;
}

/**
 * Gives every committed event without a `seq` its number, in batches of one short
 * transaction each. Returns how many were numbered. Safe to run from any number of
 * processes at once: the counter row's lock lets one number at a time.
 */
export async function sequenceChangeEvents(
  dataSource: DataSource,
  options: SequenceOptions = {},
): Promise<number> {
  const wait = options.wait === true;
  let total = 0;
  for (;;) {
    // Nothing queued (the usual case): one index probe, no transaction, no lock.
    if ((await dataSource.query('SELECT 1 FROM change_event WHERE seq IS NULL LIMIT 1')).length === 0)
      return total;
    const numbered = await dataSource.transaction(async (manager) => {
      const last = await lockFeedCounter(manager, wait);
      if (last === null) return null;
      const done = await numberCommittedEvents(manager, last);
      if (done.numbered > 0) await storeFeedCounter(manager, done.last);
      return done.numbered;
    });
    if (numbered === null) return total;
    total += numbered;
    // A short batch: what is left (if anything) is still in flight, for a later pass.
    if (numbered < SEQUENCE_BATCH) return total;
  }
}

/**
 * Sequences every `intervalMs` until stopped: what each API replica runs. Failures (a
 * database restarting) are reported and retried on the next tick; nothing is kept in
 * memory, so replicas stay interchangeable.
 */
export function startChangeSequencer(
  dataSource: DataSource,
  intervalMs: number,
  onError: (error: unknown) => void = () => undefined,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    if (stopped || running || !dataSource.isInitialized) return;
    running = sequenceChangeEvents(dataSource)
      .catch(onError)
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    if (running) await running;
  };
}
