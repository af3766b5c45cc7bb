import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** The hashed content of an event: every column but the hash itself. */
export interface HashedAuditContent {
  seq: string;
  occurredAt: string;
  actor: string;
  actorRole: string;
  action: string;
  personIds: string[];
  recordIds: string[];
  reason: string | null;
  before: unknown;
  after: unknown;
  modelVersion: string | null;
  requestId: string | null;
  prevHash: string;
}

/**
 * JSON with object keys sorted at every depth. jsonb stores objects with its own key
 * order, so the hash must not depend on the order keys were written in.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function auditHash(content: HashedAuditContent): string {
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}
