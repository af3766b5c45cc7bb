import { EntityManager } from 'typeorm';
import { AuditEventEntity } from '@concord/persistence';
import { auditHash, HashedAuditContent } from './audit-hash';

/** Who acted, as the ledger records it. */
export interface AuditActor {
  /** `user:steward`, `api-key:RIS-LEEDS`, `cli:import`. */
  name: string;
  role: string;
  requestId?: string | null;
}

export interface NewAuditEvent {
  action: string;
  personIds?: string[];
  recordIds?: string[];
  reason?: string | null;
  before?: object | null;
  after?: object | null;
  modelVersion?: string | null;
}

/** An actor given as a plain label (older call sites, scripts) becomes a role-less actor. */
export function toAuditActor(actor: string | AuditActor): AuditActor {
  return typeof actor === 'string' ? { name: actor, role: actor.split(':')[0] || 'system' } : actor;
}

/**
 * Appends events to the ledger inside the caller's transaction. The head row is locked
 * until commit, so appends are serialised and the chain has one order; call it as one of
 * the last writes of a transaction to hold that lock briefly. A rolled-back transaction
 * leaves no event, and no gap.
 */
export async function appendAudit(
  manager: EntityManager,
  actor: AuditActor,
  events: NewAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const [head]: Array<{ seq: string; hash: string }> = await manager.query(
    'SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE',
  );
  let seq = BigInt(head.seq);
  let prevHash = head.hash;
  const rows: AuditEventEntity[] = [];
  const occurredAt = new Date();
  for (const event of events) {
    seq += 1n;
    const content: HashedAuditContent = {
      seq: seq.toString(),
      occurredAt: occurredAt.toISOString(),
      actor: actor.name,
      actorRole: actor.role,
      action: event.action,
      personIds: event.personIds ?? [],
      recordIds: event.recordIds ?? [],
      reason: event.reason ?? null,
      before: asStored(event.before),
      after: asStored(event.after),
      modelVersion: event.modelVersion ?? null,
      requestId: actor.requestId ?? null,
      prevHash,
    };
    const hash = auditHash(content);
    rows.push(Object.assign(new AuditEventEntity(), { ...content, occurredAt, hash }));
    prevHash = hash;
  }
  await manager.getRepository(AuditEventEntity).insert(rows);
  await manager.query('UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1', [seq.toString(), prevHash]);
}

/**
 * The value exactly as jsonb will give it back (dates become ISO strings, undefined
 * members vanish), so the hash written now is the hash `verify` recomputes later.
 */
function asStored(value: object | null | undefined): object | null {
  return value === null || value === undefined ? null : (JSON.parse(JSON.stringify(value)) as object);
}
