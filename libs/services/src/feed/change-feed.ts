import { DataSource, MoreThan } from 'typeorm';
import { ChangeEventEntity } from '@concord/persistence';
import { invalid } from '../errors/service-error';
import { sequenceChangeEvents } from '../events/change-events';

export interface ChangeFeedPage {
  events: Array<{
    seq: string;
    type: string;
    personId: string | null;
    recordId: string | null;
    payload: object;
    createdAt: string;
  }>;
  /** Pass back as `after` to continue; unchanged when there was nothing new. */
  cursor: string;
  hasMore: boolean;
}

/**
 * The change feed RIS and PACS poll. Sequence numbers are gap-free and ordered, and given
 * only to committed events, once (see sequenceChangeEvents), so a client that resumes
 * after the last seq it processed never misses or repeats an event.
 */
export class ChangeFeed {
  constructor(private readonly dataSource: DataSource) {}

  async read(after: string | undefined, limit = 100): Promise<ChangeFeedPage> {
    const from = after === undefined || after === '' ? '0' : after;
    if (!/^\d{1,18}$/.test(from))
      throw invalid('after', 'must be the cursor of a previous page (a whole number; 0 = from the start)');
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw invalid('limit', 'must be a whole number from 1 to 1000');
    // Number what committed before this request, so a reader sees its own writes at once
    // rather than after the next periodic pass.
    await sequenceChangeEvents(this.dataSource, { wait: true });
    const rows = await this.dataSource.getRepository(ChangeEventEntity).find({
      where: { seq: MoreThan(from) },
      order: { seq: 'ASC' },
      take: limit + 1,
    });
    const hasMore = rows.length > limit;
    const page = rows.slice(0, limit);
    return {
      events: page.map((e) => ({
        seq: String(e.seq),
        type: e.type,
        personId: e.personId,
        recordId: e.recordId,
        payload: e.payload,
        createdAt: e.createdAt.toISOString(),
      })),
      cursor: page.length ? String(page[page.length - 1].seq) : String(BigInt(from)),
      hasMore,
    };
  }
}
