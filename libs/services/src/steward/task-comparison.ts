import { DataSource, IsNull } from 'typeorm';
import { matchGrade, MatchModel, PairScore, scoreAgainstPerson, StandardRecord } from '@concord/matching';
import { LinkEntity, PersonEntity, ReviewTaskEntity, SourceRecordEntity } from '@concord/persistence';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { notFound } from '../errors/service-error';
import { TermFrequencyStore } from '../frequencies/term-frequency-store';
import { keptApartFrom } from './kept-apart';
import { StewardQueues } from './task-queries';

export interface ComparedSide {
  person: PersonEntity | null;
  /** The person's current records (for the record side: the task's record first). */
  records: SourceRecordEntity[];
  /** Each record's current link, by record id. */
  links: Map<string, LinkEntity>;
}

export interface TaskComparison {
  task: ReviewTaskEntity;
  record: SourceRecordEntity;
  recordSide: ComparedSide;
  candidateSide: ComparedSide;
  /** Scored now, with the current model: prior, every field's level and weight, rules. */
  score: PairScore | null;
  grade: string | null;
  /** A steward's earlier "not the same person" between the two sides still holds. */
  keptApart: boolean;
}

/**
 * Everything a steward needs to decide a task: both sides' records (raw and standardised),
 * each person's other records, and the score with its per-field explanation. Showing it is
 * a read of two patients' data, so it is audited.
 */
export class TaskComparisons {
  constructor(
    private readonly dataSource: DataSource,
    private readonly model: () => MatchModel,
    private readonly frequencies: TermFrequencyStore | null = null,
  ) {}

  async compare(taskId: string, actor: AuditActor): Promise<TaskComparison> {
    const task = await new StewardQueues(this.dataSource).byId(taskId);
    const manager = this.dataSource.manager;
    const record = await manager.getRepository(SourceRecordEntity).findOneBy({ id: task.recordId });
    if (!record) throw notFound(`record ${task.recordId} not found`);
    const recordPersonId = await this.activePersonOfRecord(record.id);
    const candidateId = task.candidatePersonId ? await this.activeSuccessor(task.candidatePersonId) : null;
    const [recordSide, candidateSide] = await Promise.all([
      this.side(recordPersonId, record.id),
      candidateId
        ? this.side(candidateId, null)
        : Promise.resolve({ person: null, records: [], links: new Map() }),
    ]);
    const model = this.model();
    let score: PairScore | null = null;
    let keptApart = false;
    const standardised = record.standardised as StandardRecord;
    if (candidateSide.records.length > 0 && candidateId !== recordPersonId) {
      const held = await keptApartFrom(manager, { id: record.id, standardised });
      keptApart = candidateSide.records.some((r) => held.has(r.id));
      const termFrequencies = this.frequencies
        ? await this.frequencies.lookupFor(manager, standardised)
        : undefined;
      score = scoreAgainstPerson(
        standardised,
        candidateSide.records.map((r) => r.standardised as StandardRecord),
        model,
        { keptApart, termFrequencies },
      );
    }
    await this.dataSource.transaction((m) =>
      appendAudit(m, actor, [
        {
          action: 'task.compared',
          personIds: [recordPersonId, ...(candidateId ? [candidateId] : [])],
          // Every record shown: the task's record, its person's other records, the candidate's.
          recordIds: [
            ...new Set([
              record.id,
              ...recordSide.records.map((r) => r.id),
              ...candidateSide.records.map((r) => r.id),
            ]),
          ],
          after: { taskId: task.id },
          modelVersion: score?.modelVersion ?? null,
        },
      ]),
    );
    return {
      task,
      record,
      recordSide,
      candidateSide,
      score,
      grade: score ? matchGrade(score, model) : null,
      keptApart,
    };
  }

  private async side(personId: string, firstRecordId: string | null): Promise<ComparedSide> {
    const person = await this.dataSource.getRepository(PersonEntity).findOneBy({ id: personId });
    const records = await this.dataSource
      .getRepository(SourceRecordEntity)
      .createQueryBuilder('r')
      .innerJoin('link', 'l', 'l.record_id = r.id AND l.ended_at IS NULL')
      .where('l.person_id = :personId', { personId })
      .orderBy('r.source_system')
      .addOrderBy('r.local_id')
      .getMany();
    if (firstRecordId)
      records.sort((a, b) => Number(b.id === firstRecordId) - Number(a.id === firstRecordId));
    const links = await this.dataSource
      .getRepository(LinkEntity)
      .find({ where: { personId, endedAt: IsNull() } });
    return { person, records, links: new Map(links.map((l) => [l.recordId, l])) };
  }

  private async activePersonOfRecord(recordId: string): Promise<string> {
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      'SELECT person_id FROM link WHERE record_id = $1 AND ended_at IS NULL',
      [recordId],
    );
    if (rows.length === 0) throw notFound(`record ${recordId} has no current link`);
    return this.activeSuccessor(rows[0].person_id);
  }

  private async activeSuccessor(personId: string): Promise<string> {
    let id = personId;
    for (let hops = 0; hops < 64; hops += 1) {
      const rows: Array<{ status: string; successor_id: string | null }> = await this.dataSource.query(
        'SELECT status, successor_id FROM person WHERE id = $1',
        [id],
      );
      if (rows.length === 0) throw notFound(`person ${id} not found`);
      if (rows[0].status === 'active' || !rows[0].successor_id) return id;
      id = rows[0].successor_id;
    }
    return id;
  }
}
