import { DataSource } from 'typeorm';
import { StewardOperationEntity } from '@concord/persistence';
import { invalid } from '../errors/service-error';

export interface LinkHistoryEntry {
  recordId: string;
  sourceSystem: string;
  localId: string;
  type: string;
  score: number | null;
  matchProbability: number | null;
  modelVersion: string | null;
  reason: string;
  createdAt: Date;
  createdBy: string;
  endedAt: Date | null;
  endedBy: string | null;
}

/** A person's link history and the steward operations that touched it, newest first. */
export class PersonTimeline {
  constructor(private readonly dataSource: DataSource) {}

  async links(personId: string): Promise<LinkHistoryEntry[]> {
    assertUuid(personId);
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `SELECT l.record_id, r.source_system, r.local_id, l.type, l.score, l.match_probability, l.model_version,
              l.reason, l.created_at, l.created_by, l.ended_at, l.ended_by
         FROM link l JOIN source_record r ON r.id = l.record_id
        WHERE l.person_id = $1 ORDER BY l.created_at DESC, l.id DESC LIMIT 500`,
      [personId],
    );
    return rows.map((r) => ({
      recordId: r['record_id'] as string,
      sourceSystem: r['source_system'] as string,
      localId: r['local_id'] as string,
      type: r['type'] as string,
      score: r['score'] as number | null,
      matchProbability: r['match_probability'] as number | null,
      modelVersion: r['model_version'] as string | null,
      reason: r['reason'] as string,
      createdAt: new Date(r['created_at'] as string),
      createdBy: r['created_by'] as string,
      endedAt: r['ended_at'] ? new Date(r['ended_at'] as string) : null,
      endedBy: r['ended_by'] as string | null,
    }));
  }

  async operations(personId: string): Promise<StewardOperationEntity[]> {
    assertUuid(personId);
    return this.dataSource
      .getRepository(StewardOperationEntity)
      .createQueryBuilder('o')
      .where('o.person_id = :personId OR o.other_person_id = :personId', { personId })
      .orderBy('o.requested_at', 'DESC')
      .take(200)
      .getMany();
  }

  async pendingApprovals(): Promise<StewardOperationEntity[]> {
    return this.dataSource
      .getRepository(StewardOperationEntity)
      .find({ where: { status: 'pending-approval' }, order: { requestedAt: 'ASC' }, take: 200 });
  }

  async operation(id: string): Promise<StewardOperationEntity | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw invalid('operationId', 'must be a UUID');
    return this.dataSource.getRepository(StewardOperationEntity).findOneBy({ id });
  }
}

function assertUuid(id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw invalid('personId', 'must be a UUID');
}
