/** The GraphQL shapes the audit screen reads (names exactly as the API's code-first schema). */

export interface AuditEvent {
  seq: string;
  occurredAt: string;
  actor: string;
  actorRole: string;
  action: string;
  personIds: string[];
  recordIds: string[];
  reason: string | null;
  requestId: string | null;
}

export interface AuditEventPage {
  nodes: AuditEvent[];
  pageInfo: { endCursor: string | null; hasNextPage: boolean };
}

/** The filter as the API takes it: ISO instants, empty fields left out. */
export interface AuditFilter {
  from?: string;
  to?: string;
  personId?: string;
  actor?: string;
  action?: string;
}

/** The filter as the auditor types it: whole days (inclusive) in local time. */
export interface AuditFilterForm {
  fromDay: string;
  toDay: string;
  personId: string;
  actor: string;
  action: string;
}

export type AuditExportFormat = 'csv' | 'ndjson';
