import { DataSource, EntityManager } from 'typeorm';
import { stripNhsNumber } from '@concord/domain';
import { PersonEntity, preparedQuery } from '@concord/persistence';
import { appendAudit, auditInsertSql, AuditActor } from '../audit/audit-log';
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
    // One round trip for the record's person, all its identifiers and the read's audit event
    // (a data-modifying CTE: the statement commits on its own, before the answer leaves). A
    // retired person is answered by its successor, audited below once that is known.
    const params: unknown[] = [system, localId];
    const audit = auditInsertSql(
      actor,
      [{ action: 'links.viewed', personIdsSql: 'SELECT ARRAY[id::text] FROM found' }],
      params,
      { when: 'EXISTS (SELECT 1 FROM found)' },
    );
    const rows: Array<ViewRow & { audited: boolean }> = await preparedQuery(
      this.dataSource.manager,
      `WITH target AS (
         SELECT l.person_id FROM source_record r
           JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL
          WHERE r.source_system = $1 AND r.local_id = $2),
       found AS (
         SELECT p.id FROM person p
          WHERE p.id = (SELECT person_id FROM target)
            AND NOT (p.status = 'retired' AND p.successor_id IS NOT NULL)),
       audited AS (${audit} RETURNING 1)
       SELECT v.*, EXISTS (SELECT 1 FROM audited) AS audited
         FROM (${VIEW_SELECT} WHERE p.id = (SELECT person_id FROM target)) AS v`,
      params,
    );
    if (rows.length === 0) throw notFound(`No record with system "${system}" and localId "${localId}"`);
    const view = await this.viewFromRows(this.dataSource.manager, rows[0].id, rows);
    if (!rows[0].audited) await this.audit([view], actor);
    return view;
  }

  /**
   * The source systems among `systems` that no record has come from: identifier domains
   * Concord does not know (IHE PIXm answers those 400 as a source, 403 as a target). One
   * index probe per system, on the (source_system, local_id) key.
   */
  async unknownSourceSystems(systems: string[]): Promise<string[]> {
    if (systems.length === 0) return [];
    const rows: Array<{ system: string }> = await this.dataSource.query(
      `SELECT s.system FROM unnest($1::text[]) AS s(system)
        WHERE NOT EXISTS (SELECT 1 FROM source_record r WHERE r.source_system = s.system)`,
      [systems],
    );
    return rows.map((r) => r.system);
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
    await this.audit(views, actor);
    return views;
  }

  async byPersonId(personId: string, actor: AuditActor): Promise<LinksView> {
    if (!/^[0-9a-f-]{36}$/i.test(personId)) throw invalid('personId', 'must be a UUID');
    const view = await this.view(this.dataSource.manager, personId);
    await this.audit([view], actor);
    return view;
  }

  /**
   * Who looked at whom: every answer naming a person is a read of patient data, recorded
   * (one statement, committed on its own) before the answer leaves.
   */
  private async audit(views: LinksView[], actor: AuditActor): Promise<void> {
    await appendAudit(
      this.dataSource.manager,
      actor,
      views.map((view) => ({ action: 'links.viewed', personIds: [view.personId] })),
    );
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
    const rows: ViewRow[] = await manager.query(`${VIEW_SELECT} WHERE p.id = $1`, [personId]);
    if (rows.length === 0) throw notFound(`No person with id ${personId}`);
    return this.viewFromRows(manager, personId, rows);
  }

  /** The view from a person's rows; a retired person is followed to its active successor. */
  private async viewFromRows(manager: EntityManager, requested: string, rows: ViewRow[]): Promise<LinksView> {
    if (rows[0].status === 'retired' && rows[0].successor_id) {
      const person = await this.resolvePerson(manager, requested);
      rows = await manager.query(`${VIEW_SELECT} WHERE p.id = $1`, [person.id]);
    }
    const records = rows
      .filter((r): r is LinkedRow => r.source_system !== null)
      .sort((a, b) => a.source_system.localeCompare(b.source_system) || a.local_id.localeCompare(b.local_id));
    const view: LinksView = {
      personId: rows[0].id,
      status: rows[0].status,
      identifiers: records.map((r) => ({
        system: r.source_system,
        localId: r.local_id,
        nhsNumber: r.nhs_number,
        nhsNumberStatus: r.nhs_number_status,
      })),
      nhsNumbers: [
        ...new Set(records.filter((r) => r.nhs_number_status === 'valid').map((r) => r.nhs_number as string)),
      ],
    };
    if (view.personId !== requested) view.requestedPersonId = requested;
    return view;
  }
}

/** A person with each of its currently linked records (one row, with nulls, when it has none). */
interface ViewRow {
  id: string;
  status: string;
  successor_id: string | null;
  source_system: string | null;
  local_id: string | null;
  nhs_number: string | null;
  nhs_number_status: string | null;
}

type LinkedRow = ViewRow & { source_system: string; local_id: string; nhs_number_status: string };

const VIEW_SELECT = `SELECT p.id, p.status, p.successor_id, r.source_system, r.local_id, r.nhs_number, r.nhs_number_status
    FROM person p
    LEFT JOIN link l ON l.person_id = p.id AND l.ended_at IS NULL
    LEFT JOIN source_record r ON r.id = l.record_id`;
