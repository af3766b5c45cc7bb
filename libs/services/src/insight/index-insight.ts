import { DataSource } from 'typeorm';
import { invalid } from '../errors/service-error';

/** The steward queues, in the order the dashboard shows them. */
export const INSIGHT_QUEUES = ['possible-duplicate', 'nhs-shared', 'nhs-duplicate', 'nhs-trace'] as const;

const DAY_MS = 86_400_000;
const MAX_DAYS = 366;

/** Open tasks of each queue at the end of one day (UTC). */
export interface QueueSizeDay {
  /** YYYY-MM-DD (UTC). */
  day: string;
  queues: { queue: string; open: number }[];
}

/** New tasks (demand) and resolved tasks (capacity) on one day (UTC). */
export interface FlowDay {
  day: string;
  created: number;
  resolved: number;
}

/** Time from task creation to resolution, for tasks resolved in the period. */
export interface Turnaround {
  resolvedCount: number;
  medianSeconds: number | null;
  p90Seconds: number | null;
}

/** Current links made by registration (type auto) and the share that matched an existing person. */
export interface AutoLinkRate {
  registrationLinks: number;
  autoLinks: number;
  /** autoLinks / registrationLinks, null when registration has made no current links. */
  rate: number | null;
}

/** Data quality of one source system's records. */
export interface SourceQuality {
  sourceSystem: string;
  records: number;
  /** NHS number sent but not valid (failed the check digit, a test-range or placeholder number). */
  invalidNhsNumber: number;
  missingNhsNumber: number;
  /** Records in persons that hold more than one current record of this system. */
  duplicateRecords: number;
  /** duplicateRecords / records. */
  duplicateRate: number;
}

export interface IndexInsight {
  from: string;
  to: string;
  days: number;
  queueSizes: QueueSizeDay[];
  flow: FlowDay[];
  turnaround: Turnaround;
  autoLink: AutoLinkRate;
  sourceQuality: SourceQuality[];
}

/**
 * Business intelligence on the index itself: steward queue sizes over time, demand against
 * capacity, turnaround, auto-link rate and data quality per source system. Days are UTC days;
 * the period ends with the day of `now`. Read-only SQL that runs on PGlite and PostgreSQL.
 */
export class IndexInsights {
  constructor(private readonly dataSource: DataSource) {}

  async summary(options: { days?: number; now?: Date } = {}): Promise<IndexInsight> {
    const days = options.days ?? 30;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS) throw invalid('days', `must be a whole number from 1 to ${MAX_DAYS}`);
    const now = options.now ?? new Date();
    const lastDay = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const firstDay = new Date(lastDay - (days - 1) * DAY_MS);
    const end = new Date(lastDay + DAY_MS);
    const dayList = Array.from({ length: days }, (_, i) => isoDay(new Date(firstDay.getTime() + i * DAY_MS)));

    const [queueSizes, flow, turnaround, autoLink, sourceQuality] = await Promise.all([
      this.queueSizes(firstDay, end, dayList),
      this.flow(firstDay, end, dayList),
      this.turnaround(firstDay, end),
      this.autoLink(),
      this.sourceQuality(),
    ]);
    return {
      from: firstDay.toISOString(),
      to: end.toISOString(),
      days,
      queueSizes,
      flow,
      turnaround,
      autoLink,
      sourceQuality,
    };
  }

  /** Tasks open at the end of each day: created before it ended and not resolved by then. */
  private async queueSizes(first: Date, end: Date, dayList: string[]): Promise<QueueSizeDay[]> {
    const rows: Array<{ day: string; type: string; open: string | number }> = await this.dataSource.query(
      `WITH days AS (
         SELECT d AS day_start, d + interval '1 day' AS day_end
           FROM generate_series($1::timestamptz, $2::timestamptz - interval '1 day', interval '1 day') AS d
       )
       SELECT to_char(days.day_start AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, t.type, count(*) AS open
         FROM days
         JOIN review_task t
           ON t.created_at < days.day_end AND (t.resolved_at IS NULL OR t.resolved_at >= days.day_end)
        GROUP BY days.day_start, t.type`,
      [first, end],
    );
    const counts = new Map(rows.map((r) => [`${r.day}|${r.type}`, Number(r.open)]));
    const queues = [...INSIGHT_QUEUES, ...new Set(rows.map((r) => r.type).filter((t) => !(INSIGHT_QUEUES as readonly string[]).includes(t)))];
    return dayList.map((day) => ({
      day,
      queues: queues.map((queue) => ({ queue, open: counts.get(`${day}|${queue}`) ?? 0 })),
    }));
  }

  private async flow(first: Date, end: Date, dayList: string[]): Promise<FlowDay[]> {
    const rows: Array<{ day: string; kind: 'created' | 'resolved'; n: string | number }> = await this.dataSource.query(
      `SELECT to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, 'created' AS kind, count(*) AS n
         FROM review_task WHERE created_at >= $1 AND created_at < $2 GROUP BY 1
       UNION ALL
       SELECT to_char(resolved_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, 'resolved' AS kind, count(*) AS n
         FROM review_task WHERE resolved_at >= $1 AND resolved_at < $2 GROUP BY 1`,
      [first, end],
    );
    const counts = new Map(rows.map((r) => [`${r.day}|${r.kind}`, Number(r.n)]));
    return dayList.map((day) => ({
      day,
      created: counts.get(`${day}|created`) ?? 0,
      resolved: counts.get(`${day}|resolved`) ?? 0,
    }));
  }

  private async turnaround(first: Date, end: Date): Promise<Turnaround> {
    const [row]: Array<{ n: string | number; median: string | number | null; p90: string | number | null }> =
      await this.dataSource.query(
        `SELECT count(*) AS n,
                percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)) AS median,
                percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM resolved_at - created_at)) AS p90
           FROM review_task
          WHERE resolved_at >= $1 AND resolved_at < $2`,
        [first, end],
      );
    return {
      resolvedCount: Number(row?.n ?? 0),
      medianSeconds: row?.median === null || row?.median === undefined ? null : Number(row.median),
      p90Seconds: row?.p90 === null || row?.p90 === undefined ? null : Number(row.p90),
    };
  }

  private async autoLink(): Promise<AutoLinkRate> {
    const [row]: Array<{ total: string | number; auto: string | number }> = await this.dataSource.query(
      `SELECT count(*) AS total, count(*) FILTER (WHERE reason = 'auto-link') AS auto
         FROM link WHERE ended_at IS NULL AND type = 'auto'`,
    );
    const total = Number(row?.total ?? 0);
    const auto = Number(row?.auto ?? 0);
    return { registrationLinks: total, autoLinks: auto, rate: total === 0 ? null : auto / total };
  }

  private async sourceQuality(): Promise<SourceQuality[]> {
    const quality: Array<{ system: string; records: string | number; invalid: string | number; missing: string | number }> =
      await this.dataSource.query(
        `SELECT source_system AS system, count(*) AS records,
                count(*) FILTER (WHERE nhs_number_status NOT IN ('valid', 'missing')) AS invalid,
                count(*) FILTER (WHERE nhs_number_status = 'missing') AS missing
           FROM source_record GROUP BY source_system ORDER BY source_system`,
      );
    const duplicates: Array<{ system: string; n: string | number }> = await this.dataSource.query(
      `SELECT system, sum(n) AS n FROM (
         SELECT r.source_system AS system, l.person_id, count(*) AS n
           FROM source_record r JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL
          GROUP BY r.source_system, l.person_id
         HAVING count(*) > 1
       ) per_person GROUP BY system`,
    );
    const dup = new Map(duplicates.map((d) => [d.system, Number(d.n)]));
    return quality.map((q) => {
      const records = Number(q.records);
      const duplicateRecords = dup.get(q.system) ?? 0;
      return {
        sourceSystem: q.system,
        records,
        invalidNhsNumber: Number(q.invalid),
        missingNhsNumber: Number(q.missing),
        duplicateRecords,
        duplicateRate: records === 0 ? 0 : duplicateRecords / records,
      };
    });
  }
}

function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}
