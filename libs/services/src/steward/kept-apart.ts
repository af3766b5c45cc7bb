import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { StandardRecord } from '@concord/matching';
import { KeptApartEntity } from '@concord/persistence';

/**
 * The identity a "not the same person" decision was made on: NHS number, names, date of
 * birth and sex as standardised. A change of any of them is material and lets the pair be
 * proposed again; a new phone number or address is not.
 */
export function identityFingerprint(record: StandardRecord): string {
  const identity = [record.nhs, record.familyName, record.givenTokens.join(' '), record.dob, record.sex];
  return createHash('sha256').update(JSON.stringify(identity)).digest('hex').slice(0, 32);
}

export interface SeparatedRecord {
  id: string;
  standardised: StandardRecord;
}

/** Remembers that each record of `left` is not the same person as each record of `right`. */
export async function keepApart(
  manager: EntityManager,
  left: SeparatedRecord[],
  right: SeparatedRecord[],
  decision: { reason: string; decidedBy: string; operationId: string | null },
): Promise<number> {
  const rows: Array<Partial<KeptApartEntity>> = [];
  for (const a of left)
    for (const b of right) {
      if (a.id === b.id) continue;
      const [first, second] = a.id < b.id ? [a, b] : [b, a];
      rows.push({
        recordA: first.id,
        recordB: second.id,
        identityA: identityFingerprint(first.standardised),
        identityB: identityFingerprint(second.standardised),
        reason: decision.reason,
        decidedBy: decision.decidedBy,
        operationId: decision.operationId,
      });
    }
  if (rows.length === 0) return 0;
  // A pair decided again takes the newest decision (and the records' current identities).
  await manager
    .createQueryBuilder()
    .insert()
    .into(KeptApartEntity)
    .values(rows)
    .orUpdate(
      ['identity_a', 'identity_b', 'reason', 'decided_by', 'decided_at', 'operation_id'],
      ['record_a', 'record_b'],
    )
    .execute();
  return rows.length;
}

/**
 * The records a steward keeps apart from `record` whose decision still holds: neither side
 * has changed materially since. One indexed query (primary key and `ix_kept_apart_b`).
 */
export async function keptApartFrom(manager: EntityManager, record: SeparatedRecord): Promise<Set<string>> {
  const rows: Array<{
    other: string;
    own_identity: string;
    other_identity: string;
    other_std: StandardRecord;
  }> = await manager.query(
    `SELECT k.record_b AS other, k.identity_a AS own_identity, k.identity_b AS other_identity,
              r.standardised AS other_std
         FROM kept_apart k JOIN source_record r ON r.id = k.record_b
        WHERE k.record_a = $1
       UNION ALL
       SELECT k.record_a, k.identity_b, k.identity_a, r.standardised
         FROM kept_apart k JOIN source_record r ON r.id = k.record_a
        WHERE k.record_b = $1`,
    [record.id],
  );
  const own = identityFingerprint(record.standardised);
  const held = new Set<string>();
  for (const row of rows)
    if (row.own_identity === own && row.other_identity === identityFingerprint(row.other_std))
      held.add(row.other);
  return held;
}
