import { EntityManager } from 'typeorm';
import { preparedQuery } from '@concord/persistence';
import type { StandardRecord } from '@concord/matching';

export interface CandidatePerson {
  personId: string;
  records: Array<{ recordId: string; standardised: StandardRecord }>;
}

/**
 * Persons holding a record that shares a blocking key with the incoming one: indexed
 * lookups on blocking_key, never a scan. Very common keys are capped so one crowded block
 * cannot make a registration slow; the other keys still find the true match.
 */
export async function findCandidatePersons(
  manager: EntityManager,
  keys: string[],
  excludeRecordId: string | null,
  maxPersons = 100,
): Promise<CandidatePerson[]> {
  if (keys.length === 0) return [];
  // One round trip: the persons sharing a key (capped), then all their current records.
  const rows: Array<{ person_id: string; record_id: string; standardised: StandardRecord }> =
    await preparedQuery(
      manager,
      `WITH persons AS (
       SELECT DISTINCT l.person_id
         FROM blocking_key bk
         JOIN link l ON l.record_id = bk.record_id AND l.ended_at IS NULL
        WHERE bk.key = ANY($1) AND ($2::uuid IS NULL OR bk.record_id <> $2::uuid)
        LIMIT $3)
     SELECT l.person_id, r.id AS record_id, r.standardised
       FROM persons p
       JOIN link l ON l.person_id = p.person_id AND l.ended_at IS NULL
       JOIN source_record r ON r.id = l.record_id
      WHERE ($2::uuid IS NULL OR r.id <> $2::uuid)`,
      [keys, excludeRecordId, maxPersons],
    );
  return groupByPerson(rows);
}

/** Persons holding a current record with exactly this standardised family name (indexed), capped. */
export async function findPersonsByFamilyName(
  manager: EntityManager,
  familyName: string,
  maxPersons = 100,
): Promise<CandidatePerson[]> {
  const rows: Array<{ person_id: string; record_id: string; standardised: StandardRecord }> =
    await preparedQuery(
      manager,
      `WITH persons AS (
       SELECT DISTINCT l.person_id
         FROM source_record s
         JOIN link l ON l.record_id = s.id AND l.ended_at IS NULL
        WHERE s.search_family_name = $1
        LIMIT $2)
     SELECT l.person_id, r.id AS record_id, r.standardised
       FROM persons p
       JOIN link l ON l.person_id = p.person_id AND l.ended_at IS NULL
       JOIN source_record r ON r.id = l.record_id`,
      [familyName, maxPersons],
    );
  return groupByPerson(rows);
}

export function groupByPerson(
  rows: Array<{ person_id: string; record_id: string; standardised: StandardRecord }>,
): CandidatePerson[] {
  const byPerson = new Map<string, CandidatePerson>();
  for (const row of rows) {
    let person = byPerson.get(row.person_id);
    if (!person) byPerson.set(row.person_id, (person = { personId: row.person_id, records: [] }));
    person.records.push({ recordId: row.record_id, standardised: row.standardised });
  }
  return [...byPerson.values()];
}
