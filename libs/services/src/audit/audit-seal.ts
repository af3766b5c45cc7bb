import { DataSource, EntityManager } from 'typeorm';
import { auditHash } from './audit-hash';

/** Events chained per sealing transaction. */
const SEAL_BATCH = 2000;

export interface SealOptions {
  /**
   * Wait for a sealer already at work (verify, export: they must read a sealed ledger)
   * instead of leaving the work to it (the periodic sealer of each API replica).
   */
  wait?: boolean;
}

/** The stored columns of an event, as the hash covers them. */
export interface StoredAuditRow {
  seq: string;
  occurred_at: Date;
  actor: string;
  actor_role: string;
  action: string;
  person_ids: string[];
  record_ids: string[];
  reason: string | null;
  before: unknown;
  after: unknown;
  model_version: string | null;
  request_id: string | null;
}

export const STORED_AUDIT_COLUMNS =
  'seq, occurred_at, actor, actor_role, action, person_ids, record_ids, reason, before, after, model_version, request_id';

/** The hash of a stored event chained after `prevHash`: what the sealer writes and verify recomputes. */
export function storedEventHash(row: StoredAuditRow, prevHash: string): string {
  return auditHash({
    seq: String(row.seq),
    occurredAt: row.occurred_at.toISOString(),
    actor: row.actor,
    actorRole: row.actor_role,
    action: row.action,
    personIds: row.person_ids,
    recordIds: row.record_ids,
    reason: row.reason,
    before: row.before,
    after: row.after,
    modelVersion: row.model_version,
    requestId: row.request_id,
    prevHash,
  });
}

/**
 * Chains every committed, unsealed event after the head of the chain: reads the queue
 * (`audit_pending`), hashes each event as stored, inserts its seal and removes it from the
 * queue, and moves the head, all in one transaction per batch. The head row's lock makes
 * one sealer win when several replicas try at once; the others skip (or wait, with
 * `wait`). Only events whose transactions have committed are visible to it; one still in
 * flight is sealed by a later pass, after the events sealed meanwhile, so the chain never
 * skips an event whatever order transactions commit in. Returns the events sealed.
 */
export async function sealAudit(dataSource: DataSource, options: SealOptions = {}): Promise<number> {
  // The periodic pass on an idle ledger: one read, no transaction, no row lock.
  if (!options.wait && (await dataSource.query('SELECT 1 FROM audit_pending LIMIT 1')).length === 0) return 0;
  let sealed = 0;
  for (;;) {
    const batch = await dataSource.transaction((manager) => sealBatch(manager, options.wait === true));
    if (batch === null) return sealed;
    sealed += batch;
    if (batch < SEAL_BATCH) return sealed;
  }
}

/** One batch; null when another sealer holds the head (and we do not wait). */
async function sealBatch(manager: EntityManager, wait: boolean): Promise<number | null> {
  const heads: Array<{ seq: string; hash: string }> = await manager.query(
    `SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE${wait ? '' : ' SKIP LOCKED'}`,
  );
  if (heads.length === 0) return null;
  // Read after the head's lock was granted, so this snapshot sees the previous sealer's
  // commit: nothing it removed from the queue is seen again.
  const rows: StoredAuditRow[] = await manager.query(
    `SELECT ${STORED_AUDIT_COLUMNS.split(', ')
      .map((c) => `e.${c}`)
      .join(', ')}
       FROM (SELECT event_seq FROM audit_pending ORDER BY event_seq LIMIT ${SEAL_BATCH}) p
       JOIN LATERAL (SELECT * FROM audit_event WHERE seq = p.event_seq) e ON true
      ORDER BY p.event_seq`,
  );
  if (rows.length === 0) return 0;
  let position = BigInt(heads[0].seq);
  let prevHash = heads[0].hash;
  const positions: string[] = [];
  const seqs: string[] = [];
  const prevHashes: string[] = [];
  const hashes: string[] = [];
  for (const row of rows) {
    position += 1n;
    const hash = storedEventHash(row, prevHash);
    positions.push(position.toString());
    seqs.push(String(row.seq));
    prevHashes.push(prevHash);
    hashes.push(hash);
    prevHash = hash;
  }
  await manager.query(
    `INSERT INTO audit_seal (position, event_seq, prev_hash, hash)
     SELECT * FROM unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[])`,
    [positions, seqs, prevHashes, hashes],
  );
  await manager.query(`DELETE FROM audit_pending WHERE event_seq = ANY($1::bigint[])`, [seqs]);
  await manager.query(`UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1`, [
    position.toString(),
    prevHash,
  ]);
  return rows.length;
}

/**
 * Seals every `intervalMs` until stopped: what each API replica runs. Failures (a database
 * restarting) are reported and retried on the next tick; nothing is kept in memory.
 */
export function startAuditSealer(
  dataSource: DataSource,
  intervalMs: number,
  onError: (error: unknown) => void = () => undefined,
): () => Promise<void> {
  let stopped = false;
  let running: Promise<unknown> | null = null;
  const timer = setInterval(() => {
    // A pass still at work (a large backlog) is not doubled up.
    if (stopped || running || !dataSource.isInitialized) return;
    running = sealAudit(dataSource)
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
