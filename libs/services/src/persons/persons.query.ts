import { DataSource, In, IsNull } from 'typeorm';
import { stripNhsNumber } from '@concord/domain';
import { LinkEntity, PersonEntity, SourceRecordEntity } from '@concord/persistence';
import { invalid } from '../errors/service-error';

export interface PersonRecordView {
  record: SourceRecordEntity;
  link: LinkEntity;
}

export interface PersonPage {
  totalCount: number;
  persons: PersonEntity[];
  endCursor: string | null;
  hasNextPage: boolean;
}

/** Read side for the console: active persons, newest first, keyset-paginated. */
export class PersonsQuery {
  constructor(private readonly dataSource: DataSource) {}

  async page(options: { first: number; after?: string | null; search?: string | null }): Promise<PersonPage> {
    const first = Math.min(Math.max(options.first, 1), 200);
    const qb = this.dataSource
      .getRepository(PersonEntity)
      .createQueryBuilder('p')
      .where("p.status = 'active'");
    const search = options.search?.trim();
    if (search) {
      const digits = stripNhsNumber(search);
      const column = /^\d{10}$/.test(digits) ? 'r.nhs_number = :term' : 'r.search_family_name LIKE :term';
      const term = /^\d{10}$/.test(digits) ? digits : `${search.toUpperCase().replace(/[%_\\]/g, '')}%`;
      qb.andWhere(
        `EXISTS (SELECT 1 FROM link l JOIN source_record r ON r.id = l.record_id
                 WHERE l.person_id = p.id AND l.ended_at IS NULL AND ${column})`,
        { term },
      );
    }
    const totalCount = await qb.getCount();
    if (options.after) {
      const [updatedAt, id] = decodeCursor(options.after);
      qb.andWhere('(p.updated_at, p.id) < (:updatedAt, :id)', { updatedAt, id });
    }
    const persons = await qb
      .orderBy('p.updated_at', 'DESC')
      .addOrderBy('p.id', 'DESC')
      .take(first + 1)
      .getMany();
    const hasNextPage = persons.length > first;
    if (hasNextPage) persons.pop();
    const last = persons[persons.length - 1];
    return { totalCount, persons, hasNextPage, endCursor: last ? encodeCursor(last) : null };
  }

  async byId(id: string): Promise<PersonEntity | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw invalid('id', 'must be a UUID');
    return this.dataSource.getRepository(PersonEntity).findOneBy({ id });
  }

  /** Current records of many persons at once (one query for a whole page: no N+1). */
  async recordsOf(personIds: readonly string[]): Promise<Map<string, PersonRecordView[]>> {
    const result = new Map<string, PersonRecordView[]>(personIds.map((id) => [id, []]));
    if (personIds.length === 0) return result;
    const links = await this.dataSource
      .getRepository(LinkEntity)
      .find({ where: { personId: In([...personIds]), endedAt: IsNull() } });
    const records = links.length
      ? await this.dataSource
          .getRepository(SourceRecordEntity)
          .find({ where: { id: In(links.map((l) => l.recordId)) } })
      : [];
    const byId = new Map(records.map((r) => [r.id, r]));
    for (const link of links) {
      const record = byId.get(link.recordId);
      if (record) result.get(link.personId)?.push({ record, link });
    }
    for (const list of result.values()) {
      list.sort(
        (a, b) =>
          a.record.sourceSystem.localeCompare(b.record.sourceSystem) ||
          a.record.localId.localeCompare(b.record.localId),
      );
    }
    return result;
  }
}

function encodeCursor(p: PersonEntity): string {
  return Buffer.from(`${p.updatedAt.toISOString()}|${p.id}`).toString('base64url');
}

function decodeCursor(cursor: string): [string, string] {
  const [updatedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!updatedAt || !id || Number.isNaN(Date.parse(updatedAt)) || !/^[0-9a-f-]{36}$/i.test(id)) {
    throw invalid('after', 'is not a cursor this query returned');
  }
  return [updatedAt, id];
}
