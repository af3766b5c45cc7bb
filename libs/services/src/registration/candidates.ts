import { EntityManager } from 'typeorm';
import { preparedQuery } from '@concord/persistence';
import type { StandardRecord } from '@concord/matching';
import { CandidatePerson, groupByPerson, lookUpRegistration } from './registration-lookup';

export type { CandidatePerson } from './registration-lookup';

/**
 * Persons holding a record that shares a blocking key with the incoming one: indexed
 * lookups on blocking_key, never a scan. Very common keys are capped so one crowded block
 * cannot make a lookup slow; the other keys still find the true match. The query is the
 * registration's (`lookUpRegistration`), here without locks or a registration to exclude.
 */
export async function findCandidatePersons(
  manager: EntityManager,
  keys: string[],
  maxPersons = 100,
): Promise<CandidatePerson[]> {
  if (keys.length === 0) return [];
  const { candidates } = await lookUpRegistration(manager, {
    lockKeys: [],
    sourceSystem: null,
    localId: null,
    keys,
    frequencyFields: [],
    frequencyValues: [],
    maxPersons,
  });
  return candidates;
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
