import { DataSource } from 'typeorm';
import { invalid } from '../errors/service-error';
import { GENESIS_HASH } from './audit-hash';
import { sealAudit, STORED_AUDIT_COLUMNS, StoredAuditRow, storedEventHash } from './audit-seal';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  personId?: string;
  actor?: string;
  action?: string;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first event whose hash or link to its predecessor does not hold. */
  firstBroken?: { seq: string; problem: string };
}

const BATCH = 5000;

/** An event as exported: its content and, once sealed, its place in the chain. */
export interface LedgerEvent {
  seq: string;
  occurredAt: Date;
  actor: string;
  actorRole: string;
  action: string;
  personIds: string[];
  recordIds: string[];
  reason: string | null;
  before: object | null;
  after: object | null;
  modelVersion: string | null;
  requestId: string | null;
  /** Null only for an event that committed after the export sealed the ledger. */
  prevHash: string | null;
  hash: string | null;
}

/** Reading the ledger: filtered, streamed export and chain verification. */
export class AuditLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Events matching the filter, oldest first, fetched in batches (constant memory); seals first. */
  async *events(filter: AuditFilter): AsyncGenerator<LedgerEvent> {
    if (filter.from && filter.to && filter.from > filter.to) throw invalid('from', 'must not be after to');
    await sealAudit(this.dataSource, { wait: true });
    const where: string[] = ['e.seq > $1'];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length + 1}`));
    };
    if (filter.from) add('e.occurred_at >= ?', filter.from);
    if (filter.to) add('e.occurred_at < ?', filter.to);
    if (filter.personId) add('e.person_ids @> ARRAY[?::text]', filter.personId);
    if (filter.actor) add('e.actor = ?', filter.actor);
    if (filter.action) add('e.action = ?', filter.action);
    let after = '0';
    for (;;) {
      const rows: Array<StoredAuditRow & { prev_hash: string | null; hash: string | null }> =
        await this.dataSource.query(
          `SELECT ${STORED_AUDIT_COLUMNS.split(', ')
            .map((c) => `e.${c}`)
            .join(', ')}, s.prev_hash, s.hash
             FROM audit_event e
             LEFT JOIN LATERAL (SELECT prev_hash, hash FROM audit_seal WHERE event_seq = e.seq) s ON true
            WHERE ${where.join(' AND ')}
            ORDER BY e.seq
            LIMIT ${BATCH}`,
          [after, ...params],
        );
      for (const row of rows)
        yield {
          seq: String(row.seq),
          occurredAt: row.occurred_at,
          actor: row.actor,
          actorRole: row.actor_role,
          action: row.action,
          personIds: row.person_ids,
          recordIds: row.record_ids,
          reason: row.reason,
          before: row.before as object | null,
          after: row.after as object | null,
          modelVersion: row.model_version,
          requestId: row.request_id,
          prevHash: row.prev_hash,
          hash: row.hash,
        };
      if (rows.length < BATCH) return;
      after = String(rows[rows.length - 1].seq);
    }
  }

  /**
   * Seals what has committed, then walks the chain from the genesis hash in seal order and
   * names the first broken event: a changed event (hash), a missing one (its seal names
   * no event, or a position is missing), a reordering (prev_hash), a chain that ends
   * before its head, or an event that was taken off the sealing queue without a seal.
   */
  async verify(progress: (checked: number) => void = () => undefined): Promise<VerifyResult> {
    await sealAudit(this.dataSource, { wait: true });
    // Walk up to the head as it is now; sealers may go on appending behind it meanwhile.
    const [head]: Array<{ seq: string; hash: string }> = await this.dataSource.query(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    const end = BigInt(head?.seq ?? '0');
    let prevHash = GENESIS_HASH;
    let expected = 1n;
    let checked = 0;
    type SealedRow = StoredAuditRow & {
      position: string;
      event_seq: string;
      prev_hash: string;
      hash: string;
      present: boolean;
    };
    // Batches by position range, and each seal's event by its key (LATERAL): a plan that
    // stays the same whatever the statistics say about a ledger that just grew a lot.
    const batch = (after: bigint): Promise<SealedRow[]> =>
      this.dataSource.query(
        `SELECT s.position, s.event_seq, s.prev_hash, s.hash, e.seq IS NOT NULL AS present,
                ${STORED_AUDIT_COLUMNS.split(', ')
                  .map((c) => `e.${c}`)
                  .join(', ')}
           FROM audit_seal s
           LEFT JOIN LATERAL (SELECT * FROM audit_event WHERE seq = s.event_seq) e ON true
          WHERE s.position > $1 AND s.position <= $2
          ORDER BY s.position`,
        [after.toString(), (after + BigInt(BATCH) < end ? after + BigInt(BATCH) : end).toString()],
      );
    // The next batch is read while this one is hashed. A missing position is caught by the
    // first row after it, in this batch or a later one.
    let from = 0n;
    let next: Promise<SealedRow[]> | null = end > 0n ? batch(from) : null;
    while (next) {
      const rows = await next;
      from += BigInt(BATCH);
      next = from < end ? batch(from) : null;
      for (const row of rows) {
        const seq = String(row.event_seq);
        if (BigInt(row.position) !== expected) {
          await next?.catch(() => undefined);
          return broken(checked, seq, `expected chain position ${expected} next: events are missing`);
        }
        const problem = !row.present
          ? 'the event is missing (its seal remains)'
          : row.prev_hash !== prevHash
            ? 'does not follow the previous event (prev_hash differs)'
            : null;
        const hash = problem ? null : storedEventHash(row, prevHash);
        if (problem || hash !== row.hash) {
          await next?.catch(() => undefined);
          return broken(
            checked,
            seq,
            problem ?? 'its content does not match its hash (the event was changed)',
          );
        }
        prevHash = hash as string;
        expected++;
        checked++;
      }
      progress(checked);
    }
    if (expected <= end || (head && head.hash !== prevHash))
      return broken(
        checked,
        String(expected),
        `the ledger ends early: events up to position ${end} were sealed`,
      );
    // In one snapshot an event is either sealed or still queued: neither means that
    // someone removed it from the queue to keep it out of the chain.
    const [orphan]: Array<{ seq: string }> = await this.dataSource.query(
      `SELECT e.seq FROM audit_event e
        WHERE NOT EXISTS (SELECT 1 FROM audit_seal s WHERE s.event_seq = e.seq)
          AND NOT EXISTS (SELECT 1 FROM audit_pending p WHERE p.event_seq = e.seq)
        ORDER BY e.seq LIMIT 1`,
    );
    if (orphan)
      return broken(checked, String(orphan.seq), 'the event was never sealed (taken off the sealing queue)');
    return { ok: true, checked };
  }
}

function broken(checked: number, seq: string, problem: string): VerifyResult {
  return { ok: false, checked, firstBroken: { seq, problem } };
}
