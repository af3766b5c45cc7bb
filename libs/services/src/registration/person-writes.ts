import { EntityManager } from 'typeorm';
import {
  BlockingKeyEntity,
  PersonEntity,
  preparedQuery,
  SourceRecordEntity,
  SourceRecordVersionEntity,
} from '@concord/persistence';
import { GoldenSource, goldenView } from '../golden/golden-view';
import { ServiceError, ServiceErrorCode } from '../errors/service-error';

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
 * Locks the person a record is about to join, following a retired person to its successor
 * (as `lockActivePerson`), and reads the current records its golden view is computed from,
 * after the lock, so no link can change under it: one round trip
 * (`concord_lock_person_for_link`, migration RegistrationFunctions).
 */
export async function lockPersonForLink(
  manager: EntityManager,
  personId: string,
): Promise<{ personId: string; records: GoldenSource[] }> {
  const [{ locked }]: Array<{
    locked: {
      personId?: string;
      missing?: string;
      chainTooLong?: string;
      records?: Array<Omit<GoldenSource, 'updatedAt'> & { updatedAt: string }>;
    };
  }> = await preparedQuery(manager, 'SELECT concord_lock_person_for_link($1::uuid) AS locked', [personId]);
  if (locked.missing) throw new ServiceError(ServiceErrorCode.NotFound, `person ${locked.missing} not found`);
  if (locked.chainTooLong || !locked.personId)
    throw new ServiceError(ServiceErrorCode.Conflict, `person ${personId}: successor chain too long`);
  return {
    personId: locked.personId,
    records: (locked.records ?? []).map((r) => ({ ...r, updatedAt: new Date(r.updatedAt) })),
  };
}

/** A changed registration: its new version, the version's history row and its blocking keys. */
export async function storeRecordUpdate(
  manager: EntityManager,
  record: SourceRecordEntity,
  keys: string[],
  actor: string,
): Promise<void> {
  const { id, version, raw, contentHash, standardised, nhsNumber, nhsNumberStatus } = record;
  const { searchFamilyName, dateOfBirth, flags } = record;
  await manager.getRepository(SourceRecordEntity).update(
    { id },
    {
      raw,
      standardised,
      nhsNumber,
      nhsNumberStatus,
      searchFamilyName,
      dateOfBirth,
      flags,
      contentHash,
      version,
    },
  );
  await manager
    .getRepository(SourceRecordVersionEntity)
    .insert({ recordId: id, version, raw, contentHash, actor });
  await manager.delete(BlockingKeyEntity, { recordId: id });
  if (keys.length > 0)
    await manager.getRepository(BlockingKeyEntity).insert(keys.map((key) => ({ recordId: id, key })));
}
