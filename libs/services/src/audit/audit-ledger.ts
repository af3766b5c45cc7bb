import { DataSource } from 'typeorm';
import { AuditEventEntity } from '@concord/persistence';
import { invalid } from '../errors/service-error';
import { auditHash, GENESIS_HASH } from './audit-hash';

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

/** Reading the ledger: filtered, streamed export and chain verification. */
export class AuditLedger {
  constructor(private readonly dataSource: DataSource) {}

  /** Events matching the filter, oldest first, fetched in batches (constant memory). */
  async *events(filter: AuditFilter): AsyncGenerator<AuditEventEntity> {
    if (filter.from && filter.to && filter.from > filter.to) throw invalid('from', 'must not be after to');
    let after = '0';
    for (;;) {
      const qb = this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.seq > :after', { after })
        .orderBy('e.seq', 'ASC')
        .take(BATCH);
      if (filter.from) qb.andWhere('e.occurred_at >= :from', { from: filter.from });
      if (filter.to) qb.andWhere('e.occurred_at < :to', { to: filter.to });
      if (filter.personId) qb.andWhere(':person = ANY(e.person_ids)', { person: filter.personId });
      if (filter.actor) qb.andWhere('e.actor = :actor', { actor: filter.actor });
      if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
      const rows = await qb.getMany();
      for (const row of rows) yield row;
      if (rows.length < BATCH) return;
      after = rows[rows.length - 1].seq;
    }
  }

  /** Walks the whole chain from the genesis hash and names the first broken event. */
  async verify(progress: (checked: number) => void = () => undefined): Promise<VerifyResult> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1n;
    let checked = 0;
    let after = '0';
    for (;;) {
      const rows: Array<Record<string, unknown>> = await this.dataSource.query(
        `SELECT seq, occurred_at, actor, actor_role, action, person_ids, record_ids, reason, before, after,
                model_version, request_id, prev_hash, hash
           FROM audit_event WHERE seq > $1 ORDER BY seq LIMIT ${BATCH}`,
        [after],
      );
      for (const row of rows) {
        const seq = String(row['seq']);
        if (BigInt(seq) !== expectedSeq)
          return {
            ok: false,
            checked,
            firstBroken: { seq, problem: `expected event ${expectedSeq} next: events are missing` },
          };
        if (row['prev_hash'] !== prevHash)
          return {
            ok: false,
            checked,
            firstBroken: { seq, problem: 'does not follow the previous event (prev_hash differs)' },
          };
        const hash = auditHash({
          seq,
          occurredAt: (row['occurred_at'] as Date).toISOString(),
          actor: row['actor'] as string,
          actorRole: row['actor_role'] as string,
          action: row['action'] as string,
          personIds: row['person_ids'] as string[],
          recordIds: row['record_ids'] as string[],
          reason: row['reason'] as string | null,
          before: row['before'],
          after: row['after'],
          modelVersion: row['model_version'] as string | null,
          requestId: row['request_id'] as string | null,
          prevHash,
        });
        if (hash !== row['hash'])
          return {
            ok: false,
            checked,
            firstBroken: { seq, problem: 'its content does not match its hash (the event was changed)' },
          };
        prevHash = hash;
        expectedSeq++;
        checked++;
      }
      progress(checked);
      if (rows.length < BATCH) break;
      after = String(rows[rows.length - 1]['seq']);
    }
    const [head]: Array<{ seq: string; hash: string }> = await this.dataSource.query(
      'SELECT seq, hash FROM audit_head WHERE id = 1',
    );
    if (head && (BigInt(head.seq) !== expectedSeq - 1n || head.hash !== prevHash)) {
      return {
        ok: false,
        checked,
        firstBroken: {
          seq: String(expectedSeq),
          problem: `the ledger ends early: events up to ${head.seq} were written`,
        },
      };
    }
    return { ok: true, checked };
  }
}
