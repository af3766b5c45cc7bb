import { EntityManager } from 'typeorm';
import {
  BlockingKeyEntity,
  PersonEntity,
  SourceRecordEntity,
  SourceRecordVersionEntity,
} from '@concord/persistence';
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
