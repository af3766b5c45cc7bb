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
