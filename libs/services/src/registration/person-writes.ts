import { EntityManager } from 'typeorm';
import { PersonEntity, preparedQuery, SourceRecordEntity } from '@concord/persistence';
import { GoldenSource, goldenView } from '../golden/golden-view';

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
 * What a person's golden view is computed from: its currently linked records, read with a
 * plain query (on the registration path TypeORM's query building and hydration cost more
 * CPU than the indexed read). Read with the person locked, so no link can change under it.
 */
export async function goldenSourcesOf(manager: EntityManager, personId: string): Promise<GoldenSource[]> {
  const rows: Array<{
    raw: GoldenSource['raw'];
    source_system: string;
    nhs_number: string | null;
    nhs_number_status: GoldenSource['nhsNumberStatus'];
    date_of_birth: string | null;
    flags: string[];
    updated_at: Date;
  }> = await preparedQuery(
    manager,
    `SELECT r.raw, r.source_system, r.nhs_number, r.nhs_number_status, r.date_of_birth::text AS date_of_birth,
            r.flags, r.updated_at
       FROM link l JOIN source_record r ON r.id = l.record_id
      WHERE l.person_id = $1 AND l.ended_at IS NULL`,
    [personId],
  );
  return rows.map((r) => ({
    raw: r.raw,
    sourceSystem: r.source_system,
    nhsNumber: r.nhs_number,
    nhsNumberStatus: r.nhs_number_status,
    dateOfBirth: r.date_of_birth,
    flags: r.flags,
    updatedAt: new Date(r.updated_at),
  }));
}
