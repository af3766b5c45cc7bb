import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { stripNhsNumber } from '@concord/domain';
import { LinkEntity, PersonEntity, SourceRecordEntity } from '@concord/persistence';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { invalid, notFound } from '../errors/service-error';

export interface LinksView {
  personId: string;
  /** Set when the id asked about was retired: the person it was merged into answers. */
  requestedPersonId?: string;
  status: string;
  identifiers: Array<{ system: string; localId: string; nhsNumber: string | null; nhsNumberStatus: string }>;
  nhsNumbers: string[];
}

/** "Who is this?" over the link table, following retired persons to their successors. */
export class LinksService {
  constructor(private readonly dataSource: DataSource) {}

  async bySourceIdentifier(system: string, localId: string, actor: AuditActor): Promise<LinksView> {
    if (!system) throw invalid('system', 'is required');
    if (!localId) throw invalid('localId', 'is required');
    const record = await this.dataSource
      .getRepository(SourceRecordEntity)
      .findOneBy({ sourceSystem: system, localId });
    if (!record) throw notFound(`No record with system "${system}" and localId "${localId}"`);
    const link = await this.dataSource
      .getRepository(LinkEntity)
      .findOneByOrFail({ recordId: record.id, endedAt: IsNull() });
    return this.audited(await this.view(this.dataSource.manager, link.personId), actor);
  }

  async byNhsNumber(raw: string, actor: AuditActor): Promise<LinksView[]> {
    const digits = stripNhsNumber(raw);
    if (!/^\d{10}$/.test(digits)) throw invalid('nhsNumber', 'must be 10 digits (spaces and dashes allowed)');
    const rows: Array<{ person_id: string }> = await this.dataSource.query(
      `SELECT DISTINCT l.person_id FROM source_record r
         JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL
        WHERE r.nhs_number = $1`,
      [digits],
    );
    if (rows.length === 0) throw notFound(`No record holds NHS number ${digits}`);
    const views = await Promise.all(rows.map((r) => this.view(this.dataSource.manager, r.person_id)));
    for (const view of views) await this.audited(view, actor);
    return views;
  }

  async byPersonId(personId: string, actor: AuditActor): Promise<LinksView> {
    if (!/^[0-9a-f-]{36}$/i.test(personId)) throw invalid('personId', 'must be a UUID');
    return this.audited(await this.view(this.dataSource.manager, personId), actor);
  }

  /** Who looked at whom: every answer naming a person is a read of patient data. */
  private async audited(view: LinksView, actor: AuditActor): Promise<LinksView> {
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, actor, [{ action: 'links.viewed', personIds: [view.personId] }]),
    );
    return view;
  }

  /** Resolves retired ids to the active successor (bounded, in case of a corrupt cycle). */
  async resolvePerson(manager: EntityManager, personId: string): Promise<PersonEntity> {
    const persons = manager.getRepository(PersonEntity);
    let person = await persons.findOneBy({ id: personId });
    if (!person) throw notFound(`No person with id ${personId}`);
    for (let hops = 0; person.status === 'retired' && person.successorId && hops < 50; hops++) {
      const next: PersonEntity | null = await persons.findOneBy({ id: person.successorId });
      if (!next) break;
      person = next;
    }
    return person;
  }

  private async view(manager: EntityManager, personId: string): Promise<LinksView> {
    const person = await this.resolvePerson(manager, personId);
    const links = await manager
      .getRepository(LinkEntity)
      .find({ where: { personId: person.id, endedAt: IsNull() } });
    const records = links.length
      ? await manager
          .getRepository(SourceRecordEntity)
          .find({ where: { id: In(links.map((l) => l.recordId)) } })
      : [];
    records.sort(
      (a, b) => a.sourceSystem.localeCompare(b.sourceSystem) || a.localId.localeCompare(b.localId),
    );
    const view: LinksView = {
      personId: person.id,
      status: person.status,
      identifiers: records.map((r) => ({
        system: r.sourceSystem,
        localId: r.localId,
        nhsNumber: r.nhsNumber,
        nhsNumberStatus: r.nhsNumberStatus,
      })),
      nhsNumbers: [
        ...new Set(records.filter((r) => r.nhsNumberStatus === 'valid').map((r) => r.nhsNumber as string)),
      ],
    };
    if (person.id !== personId) view.requestedPersonId = personId;
    return view;
  }
}
