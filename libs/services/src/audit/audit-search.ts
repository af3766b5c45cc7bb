import { DataSource } from 'typeorm';
import { invalid } from '../errors/service-error';
import { AuditActor, appendAudit } from './audit-log';
import type { AuditFilter } from './audit-ledger';

export const AUDIT_PAGE_MAX = 200;

/** An event as the audit screen lists it. */
export interface AuditListEvent {
  seq: string;
  occurredAt: Date;
  actor: string;
  actorRole: string;
  action: string;
  personIds: string[];
  recordIds: string[];
  reason: string | null;
  modelVersion: string | null;
  requestId: string | null;
}

export interface AuditEventPage {
  nodes: AuditListEvent[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Opaque cursor: the sequence number of the last event of the page. */
export function encodeAuditCursor(seq: string): string {
  return Buffer.from(`audit:${seq}`, 'utf8').toString('base64url');
}

export function decodeAuditCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  const match = /^audit:(\d{1,19})$/.exec(decoded);
  if (!match) throw invalid('after', 'is not a cursor from a previous page');
  return match[1];
}

/**
 * The audit screen's list: events matching a filter, newest first, in keyset pages by
 * sequence number. Reading the ledger is itself recorded in the ledger.
 */
export class AuditSearch {
  constructor(private readonly dataSource: DataSource) {}

  async page(
    filter: AuditFilter,
    page: { first?: number | null; after?: string | null },
    actor: AuditActor,
  ): Promise<AuditEventPage> {
    const first = page.first ?? 50;
    if (!Number.isInteger(first) || first < 1 || first > AUDIT_PAGE_MAX)
      throw invalid('first', `must be from 1 to ${AUDIT_PAGE_MAX}`);
    if (filter.from && filter.to && filter.from > filter.to) throw invalid('from', 'must not be after to');
    const where: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (page.after) add('seq < ?::bigint', decodeAuditCursor(page.after));
    if (filter.from) add('occurred_at >= ?', filter.from);
    if (filter.to) add('occurred_at < ?', filter.to);
    if (filter.personId) add('person_ids @> ARRAY[?::text]', filter.personId);
    if (filter.actor) add('actor = ?', filter.actor);
    if (filter.action) add('action = ?', filter.action);

    return this.dataSource.transaction(async (manager) => {
      const rows: Array<{
        seq: string | number;
        occurred_at: Date | string;
        actor: string;
        actor_role: string;
        action: string;
        person_ids: string[];
        record_ids: string[];
        reason: string | null;
        model_version: string | null;
        request_id: string | null;
      }> = await manager.query(
        `SELECT seq, occurred_at, actor, actor_role, action, person_ids, record_ids, reason, model_version, request_id
           FROM audit_event
          ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
          ORDER BY seq DESC
          LIMIT ${first + 1}`,
        params,
      );
      const hasNextPage = rows.length > first;
      const nodes = rows.slice(0, first).map(
        (r): AuditListEvent => ({
          seq: String(r.seq),
          occurredAt: r.occurred_at instanceof Date ? r.occurred_at : new Date(r.occurred_at),
          actor: r.actor,
          actorRole: r.actor_role,
          action: r.action,
          personIds: r.person_ids ?? [],
          recordIds: r.record_ids ?? [],
          reason: r.reason,
          modelVersion: r.model_version,
          requestId: r.request_id,
        }),
      );
      await appendAudit(manager, actor, [
        {
          action: 'audit.searched',
          personIds: filter.personId ? [filter.personId] : [],
          after: {
            from: filter.from?.toISOString() ?? null,
            to: filter.to?.toISOString() ?? null,
            personId: filter.personId ?? null,
            actor: filter.actor ?? null,
            action: filter.action ?? null,
            after: page.after ?? null,
            returned: nodes.length,
          },
        },
      ]);
      return { nodes, hasNextPage, endCursor: nodes.length ? encodeAuditCursor(nodes[nodes.length - 1].seq) : null };
    });
  }
}
