import { EntityManager } from 'typeorm';
import { PersonEntity, SourceRecordEntity } from '@concord/persistence';
import { goldenView } from '../golden/golden-view';

/** Recomputes a person's golden view from its currently linked records. */
export async function refreshGolden(manager: EntityManager, personId: string): Promise<void> {
  const records = await manager
    .getRepository(SourceRecordEntity)
    .createQueryBuilder('r')
    .innerJoin('link', 'l', 'l.record_id = r.id AND l.ended_at IS NULL')
    .where('l.person_id = :personId', { personId })
    .getMany();
  await manager
    .createQueryBuilder()
    .update(PersonEntity)
    .set({ golden: goldenView(records), version: () => 'version + 1' })
    .where('id = :personId', { personId })
    .execute();
}

/**
 * Inserts a new record, its first version and its blocking keys in one statement: a
 * registration's round trips to the database are what bound its rate under load.
 */
export async function insertNewRecord(
  manager: EntityManager,
  record: SourceRecordEntity,
  keys: string[],
  actor: string,
): Promise<void> {
  await manager.query(
    `WITH r AS (
       INSERT INTO source_record (id, source_system, local_id, raw, standardised, nhs_number, nhs_number_status,
                                  search_family_name, date_of_birth, flags, content_hash, version, created_at, updated_at)
       VALUES ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9::date, $10::text[], $11, 1, $12, $12)
       RETURNING id),
     v AS (
       INSERT INTO source_record_version (record_id, version, raw, content_hash, actor)
       SELECT id, 1, $4::jsonb, $11, $13 FROM r)
     INSERT INTO blocking_key (record_id, key) SELECT r.id, k FROM r, unnest($14::text[]) AS k`,
    [
      record.id,
      record.sourceSystem,
      record.localId,
      JSON.stringify(record.raw),
      JSON.stringify(record.standardised),
      record.nhsNumber,
      record.nhsNumberStatus,
      record.searchFamilyName,
      record.dateOfBirth,
      record.flags,
      record.contentHash,
      record.createdAt.toISOString(),
      actor,
      keys,
    ],
  );
}
