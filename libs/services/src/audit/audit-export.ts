import { csvLine } from '@concord/domain';
import { invalid } from '../errors/service-error';
import { AuditFilter, AuditLedger, LedgerEvent } from './audit-ledger';

export type AuditExportFormat = 'csv' | 'ndjson';

const COLUMNS = [
  'seq',
  'occurred_at',
  'actor',
  'actor_role',
  'action',
  'person_ids',
  'record_ids',
  'reason',
  'before',
  'after',
  'model_version',
  'request_id',
  'prev_hash',
  'hash',
] as const;

/** Parses the export's time bounds; errors name the option. */
export function parseAuditFilter(raw: {
  from?: string;
  to?: string;
  personId?: string;
  actor?: string;
  action?: string;
}): AuditFilter {
  const date = (name: string, value: string | undefined) => {
    if (value === undefined || value === '') return undefined;
    const parsed = new Date(value);
    if (Number.isNaN(parsed.getTime()))
      throw invalid(name, `must be an ISO 8601 date or time (got "${value}")`);
    return parsed;
  };
  return {
    from: date('from', raw.from),
    to: date('to', raw.to),
    personId: raw.personId || undefined,
    actor: raw.actor || undefined,
    action: raw.action || undefined,
  };
}

export function parseAuditFormat(value: string | undefined): AuditExportFormat {
  if (value === 'csv' || value === 'ndjson') return value;
  throw invalid('format', 'must be csv or ndjson');
}

function plain(e: LedgerEvent) {
  return {
    seq: e.seq,
    occurred_at: e.occurredAt.toISOString(),
    actor: e.actor,
    actor_role: e.actorRole,
    action: e.action,
    person_ids: e.personIds,
    record_ids: e.recordIds,
    reason: e.reason,
    before: e.before,
    after: e.after,
    model_version: e.modelVersion,
    request_id: e.requestId,
    prev_hash: e.prevHash,
    hash: e.hash,
  };
}

/** The export as lines of text, streamed from the ledger in batches (constant memory). */
export async function* auditExportLines(
  ledger: AuditLedger,
  filter: AuditFilter,
  format: AuditExportFormat,
): AsyncGenerator<string> {
  if (format === 'csv') yield csvLine([...COLUMNS]);
  for await (const event of ledger.events(filter)) {
    const row = plain(event);
    if (format === 'ndjson') {
      yield JSON.stringify(row) + '\n';
    } else {
      yield csvLine(
        COLUMNS.map((c) => {
          const v = row[c];
          if (Array.isArray(v)) return v.join(' ');
          if (v !== null && typeof v === 'object') return JSON.stringify(v);
          return v as string | null;
        }),
      );
    }
  }
}
