import { DataSource, In, IsNull } from 'typeorm';
import {
  LinkEntity,
  PersonEntity,
  ReviewTaskEntity,
  ReviewTaskStatus,
  ReviewTaskType,
  SourceRecordEntity,
} from '@concord/persistence';
import type { PersonRecordView } from '../persons/persons.query';
import { invalid, notFound } from '../errors/service-error';

export const QUEUES: readonly ReviewTaskType[] = [
  'nhs-shared',
  'nhs-duplicate',
  'possible-duplicate',
  'nhs-trace',
];
export const TASK_STATUSES: readonly ReviewTaskStatus[] = [
  'open',
  'claimed',
  'pending-approval',
  'deferred',
  'resolved',
];

export interface QueueCounts {
  queue: ReviewTaskType;
  open: number;
  claimed: number;
  pendingApproval: number;
  deferred: number;
  /** Open (or lapsed) tasks older than a day. */
  overdue: number;
}

export interface TaskFilter {
  queue?: ReviewTaskType | null;
  status?: ReviewTaskStatus | null;
  sourceSystem?: string | null;
  /** Tasks this steward holds: a live claim, or a merge they asked for that waits for approval. */
  assignee?: string | null;
  /**
   * With `assignee`: the holder's stable identity. A task held under an identity then counts
   * only for that identity, not for another actor of the same display name.
   */
  assigneeId?: string | null;
  /** Only tasks created at least this many hours ago. */
  minAgeHours?: number | null;
  /** Only tasks created less than this many hours ago. */
  maxAgeHours?: number | null;
}

export type TaskSort = 'priority' | 'age';

export interface TaskPage {
  tasks: ReviewTaskEntity[];
  totalCount: number;
  endCursor: string | null;
  hasNextPage: boolean;
}

/**
 * The status a steward sees: a claim whose lease has lapsed is open again. Used in SQL so
 * filters, counts and claims agree without a sweeper job.
 */
export const EFFECTIVE_STATUS = `CASE WHEN t.status = 'claimed' AND t.lease_until < now() THEN 'open' ELSE t.status END`;

/** Read side of the steward queues: counts, filtered keyset pages, single tasks. */
export class StewardQueues {
  constructor(private readonly dataSource: DataSource) {}

  async counts(): Promise<QueueCounts[]> {
    const rows: Array<{ type: ReviewTaskType; status: string; n: string; overdue: string }> =
      await this.dataSource.query(
        `SELECT t.type, ${EFFECTIVE_STATUS} AS status, count(*) AS n,
              count(*) FILTER (WHERE t.created_at < now() - interval '1 day') AS overdue
         FROM review_task t WHERE t.status <> 'resolved' GROUP BY 1, 2`,
      );
    return QUEUES.map((queue) => {
      const of = (status: string) =>
        Number(rows.find((r) => r.type === queue && r.status === status)?.n ?? 0);
      return {
        queue,
        open: of('open'),
        claimed: of('claimed'),
        pendingApproval: of('pending-approval'),
        deferred: of('deferred'),
        overdue: Number(rows.find((r) => r.type === queue && r.status === 'open')?.overdue ?? 0),
      };
    });
  }

  async page(options: {
    filter: TaskFilter;
    sort: TaskSort;
    first: number;
    after?: string | null;
  }): Promise<TaskPage> {
    const first = Math.min(Math.max(Math.trunc(options.first), 1), 500);
    const { filter } = options;
    if (filter.queue && !QUEUES.includes(filter.queue))
      throw invalid('queue', `must be one of ${QUEUES.join(', ')}`);
    if (filter.status && !TASK_STATUSES.includes(filter.status))
      throw invalid('status', `must be one of ${TASK_STATUSES.join(', ')}`);
    const { minAgeHours, maxAgeHours } = filter;
    if (minAgeHours !== undefined && minAgeHours !== null && !(minAgeHours >= 0))
      throw invalid('minAgeHours', 'must be zero or more');
    if (maxAgeHours !== undefined && maxAgeHours !== null && !(maxAgeHours > 0))
      throw invalid('maxAgeHours', 'must be more than zero');
    if (minAgeHours && maxAgeHours && maxAgeHours <= minAgeHours)
      throw invalid('maxAgeHours', 'must be more than minAgeHours');
    const qb = this.dataSource.getRepository(ReviewTaskEntity).createQueryBuilder('t');
    // Without a status filter the queues show the work still to do.
    if (filter.status) qb.where(`${EFFECTIVE_STATUS} = :status`, { status: filter.status });
    else qb.where(`t.status <> 'resolved'`);
    if (filter.queue) qb.andWhere('t.type = :queue', { queue: filter.queue });
    if (filter.sourceSystem) qb.andWhere(':system = ANY(t.source_systems)', { system: filter.sourceSystem });
    if (filter.assignee)
      qb.andWhere(
        `t.assignee = :assignee AND (t.status = 'pending-approval' OR (t.status = 'claimed' AND t.lease_until >= now()))`,
        { assignee: filter.assignee },
      );
    if (filter.assignee && filter.assigneeId)
      qb.andWhere('(t.assignee_id IS NULL OR t.assignee_id = :assigneeId)', {
        assigneeId: filter.assigneeId,
      });
    if (minAgeHours)
      qb.andWhere(`t.created_at <= now() - make_interval(secs => :minSecs)`, { minSecs: minAgeHours * 3600 });
    if (maxAgeHours)
      qb.andWhere(`t.created_at > now() - make_interval(secs => :maxSecs)`, { maxSecs: maxAgeHours * 3600 });
    const totalCount = await qb.getCount();
    if (options.after) {
      const cursor = decodeCursor(options.after);
      if (options.sort === 'priority')
        qb.andWhere(`(t.priority < :p OR (t.priority = :p AND (t.created_at, t.id) > (:at, :id)))`, {
          p: cursor.priority,
          at: cursor.createdAt,
          id: cursor.id,
        });
      else qb.andWhere('(t.created_at, t.id) > (:at, :id)', { at: cursor.createdAt, id: cursor.id });
    }
    if (options.sort === 'priority') qb.orderBy('t.priority', 'DESC').addOrderBy('t.created_at', 'ASC');
    else qb.orderBy('t.created_at', 'ASC');
    const tasks = await qb
      .addOrderBy('t.id', 'ASC')
      .take(first + 1)
      .getMany();
    const hasNextPage = tasks.length > first;
    if (hasNextPage) tasks.pop();
    const last = tasks[tasks.length - 1];
    return {
      tasks: tasks.map(withEffectiveStatus),
      totalCount,
      hasNextPage,
      endCursor: last ? encodeCursor(last) : null,
    };
  }

  /** The source systems of the tasks still to do, for the console's filter (at most 500). */
  async sourceSystems(): Promise<string[]> {
    const rows: Array<{ system: string }> = await this.dataSource.query(
      `SELECT DISTINCT s.system FROM review_task t CROSS JOIN LATERAL unnest(t.source_systems) AS s(system)
        WHERE t.status IN ('open', 'claimed', 'pending-approval', 'deferred')
        ORDER BY 1 LIMIT 500`,
    );
    return rows.map((r) => r.system);
  }

  async byId(id: string): Promise<ReviewTaskEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) throw invalid('taskId', 'must be a UUID');
    const task = await this.dataSource.getRepository(ReviewTaskEntity).findOneBy({ id });
    if (!task) throw notFound(`review task ${id} not found`);
    return withEffectiveStatus(task);
  }
}

/** A lapsed claim reads as open, with no assignee. */
export function withEffectiveStatus(task: ReviewTaskEntity): ReviewTaskEntity {
  if (task.status === 'claimed' && task.leaseUntil && task.leaseUntil.getTime() < Date.now())
    return Object.assign(task, { status: 'open', assignee: null, assigneeId: null, leaseUntil: null });
  return task;
}

function encodeCursor(task: ReviewTaskEntity): string {
  return Buffer.from(JSON.stringify([task.priority, task.createdAt.toISOString(), task.id])).toString(
    'base64url',
  );
}

function decodeCursor(cursor: string): { priority: number; createdAt: string; id: string } {
  try {
    const [priority, createdAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [
      number,
      string,
      string,
    ];
    if (typeof priority !== 'number' || Number.isNaN(Date.parse(createdAt)) || !/^[0-9a-f-]{36}$/.test(id))
      throw new Error('shape');
    return { priority, createdAt, id };
  } catch {
    throw invalid('after', 'is not a cursor this API gave out');
  }
}

/** Records with their current links, by record id (one query for a page of tasks: no N+1). */
export async function recordsById(
  dataSource: DataSource,
  ids: readonly string[],
): Promise<Map<string, PersonRecordView>> {
  const result = new Map<string, PersonRecordView>();
  if (ids.length === 0) return result;
  const records = await dataSource.getRepository(SourceRecordEntity).find({ where: { id: In([...ids]) } });
  const links = await dataSource
    .getRepository(LinkEntity)
    .find({ where: { recordId: In([...ids]), endedAt: IsNull() } });
  const linkOf = new Map(links.map((l) => [l.recordId, l]));
  for (const record of records) {
    const link = linkOf.get(record.id);
    if (link) result.set(record.id, { record, link });
  }
  return result;
}

/** Persons by id (retired ones included: the console shows where they went). */
export async function personsById(
  dataSource: DataSource,
  ids: readonly string[],
): Promise<Map<string, PersonEntity>> {
  if (ids.length === 0) return new Map();
  const persons = await dataSource.getRepository(PersonEntity).find({ where: { id: In([...ids]) } });
  return new Map(persons.map((p) => [p.id, p]));
}
