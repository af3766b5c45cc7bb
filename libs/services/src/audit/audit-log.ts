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
  const params: unknown[] = [];
  await manager.query(auditInsertSql(actor, events, params), params);
}

/** An event whose person ids an SQL expression of the caller's statement gives (text[]). */
export type AuditEventSql = NewAuditEvent & { personIdsSql?: string };

/**
 * The ledger's INSERT as SQL, for a caller that writes its events inside a statement of its
 * own (a data-modifying CTE), so that a read and its audit, or a registration's last writes,
 * travel in one round trip; the append is the same unlocked INSERT as `appendAudit`'s. The
 * values are pushed onto `params` (placeholders numbered after what it already holds).
 * `when`: an SQL condition; no event is written unless it holds (e.g. "the person was found").
 */
export function auditInsertSql(
  actor: AuditActor,
  events: AuditEventSql[],
  params: unknown[],
  options: { when?: string } = {},
): string {
  const occurredAt = new Date();
  const tuples: string[] = [];
  const $ = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
  for (const event of events) {
    const personIds = event.personIdsSql
      ? `(${event.personIdsSql})::text[]`
      : $(event.personIds ?? [], '::text[]');
    tuples.push(
      `(${$(occurredAt, '::timestamptz')}, ${$(actor.name)}, ${$(actor.role)}, ${$(event.action)}, ${personIds}, ` +
        `${$(event.recordIds ?? [], '::text[]')}, ${$(event.reason ?? null)}, ${$(jsonParam(event.before), '::jsonb')}, ` +
        `${$(jsonParam(event.after), '::jsonb')}, ${$(event.modelVersion ?? null)}, ${$(actor.requestId ?? null)})`,
    );
  }
  const columns = `INSERT INTO audit_event (occurred_at, actor, actor_role, action, person_ids, record_ids, reason,
                              before, after, model_version, request_id)`;
  return options.when
    ? `${columns} SELECT * FROM (VALUES ${tuples.join(', ')}) AS e WHERE ${options.when}`
    : `${columns}
     VALUES ${tuples.join(', ')}`;
}

/** jsonb travels as JSON text (drivers disagree on how to send a bare object or array). */
function jsonParam(value: object | null | undefined): string | null {
  return value === null || value === undefined ? null : JSON.stringify(value);
}

export { sealAudit, startAuditSealer } from './audit-seal';
export type { SealOptions } from './audit-seal';
