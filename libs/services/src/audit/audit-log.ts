import { EntityManager } from 'typeorm';

/** Who acted, as the ledger records it. */
export interface AuditActor {
  /** `user:steward`, `api-key:RIS-LEEDS`, `cli:import`. */
  name: string;
  role: string;
  requestId?: string | null;
  /**
   * Stable identity behind the name, where there is one: a local user's id, `oidc:<subject>`,
   * an API key's id. Checks of "the same person acting" compare this, never the name (a name
   * can collide or change); the name is for display and the ledger.
   */
  id?: string | null;
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
 * Appends events to the ledger inside the caller's transaction: one INSERT, no lock, so
 * concurrent requests never wait for each other here. A rolled-back transaction leaves no
 * event. The events are chained later by `sealAudit` (see audit-seal.ts), which every API
 * replica runs periodically and `audit verify` / `audit export` run before they read.
 * Outside a transaction (`dataSource.manager`) the single statement commits on its own.
 */
export async function appendAudit(
  manager: EntityManager,
  actor: AuditActor,
  events: NewAuditEvent[],
): Promise<void> {
  if (events.length === 0) return;
  const occurredAt = new Date();
  const params: unknown[] = [];
  const tuples: string[] = [];
  for (const event of events) {
    const p = params.length;
    params.push(
      occurredAt,
      actor.name,
      actor.role,
      event.action,
      event.personIds ?? [],
      event.recordIds ?? [],
      event.reason ?? null,
      jsonParam(event.before),
      jsonParam(event.after),
      event.modelVersion ?? null,
      actor.requestId ?? null,
    );
    tuples.push(
      `($${p + 1}::timestamptz, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}::text[], $${p + 6}::text[], $${p + 7}, ` +
        `$${p + 8}::jsonb, $${p + 9}::jsonb, $${p + 10}, $${p + 11})`,
    );
  }
  await manager.query(
    `INSERT INTO audit_event (occurred_at, actor, actor_role, action, person_ids, record_ids, reason,
                              before, after, model_version, request_id)
     VALUES ${tuples.join(', ')}`,
    params,
  );
}

/** jsonb travels as JSON text (drivers disagree on how to send a bare object or array). */
function jsonParam(value: object | null | undefined): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export { sealAudit, startAuditSealer } from './audit-seal';
export type { SealOptions } from './audit-seal';
