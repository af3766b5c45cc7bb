import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { randomUUID } from 'node:crypto';
import { IndexInsights } from './index-insight';

const NOW = new Date('2026-03-10T15:00:00Z');
const day = (d: string, time = '12:00:00') => new Date(`2026-03-${d}T${time}Z`);

describe.each(testEngines())('index insights on %s', (engine) => {
  let db: OpenDatabase;
  let insights: IndexInsights;
  const persons: string[] = [];

  async function record(system: string, localId: string, nhsStatus: string): Promise<string> {
    const id = randomUUID();
    await db.dataSource.query(
      `INSERT INTO source_record (id, source_system, local_id, raw, standardised, nhs_number, nhs_number_status, content_hash)
       VALUES ($1, $2, $3, '{}', '{}', $4, $5, 'h')`,
      [id, system, localId, nhsStatus === 'missing' ? null : '9434765919', nhsStatus],
    );
    return id;
  }

  async function link(recordId: string, personId: string, type: string, reason: string, ended = false): Promise<void> {
    await db.dataSource.query(
      `INSERT INTO link (record_id, person_id, type, reason, created_by, ended_at) VALUES ($1, $2, $3, $4, 'test', $5)`,
      [recordId, personId, type, reason, ended ? new Date() : null],
    );
  }

  async function task(type: string, recordId: string, created: Date, resolved: Date | null): Promise<void> {
    await db.dataSource.query(
      `INSERT INTO review_task (id, type, status, record_id, score, match_probability, priority, explanation, model_version,
                                created_at, resolved_at, resolution)
       VALUES ($1, $2, $3, $4, 0, 0, 0, '{}', 'm1', $5, $6, $7)`,
      [randomUUID(), type, resolved ? 'resolved' : 'open', recordId, created, resolved, resolved ? 'traced' : null],
    );
  }

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    insights = new IndexInsights(db.dataSource);
    for (let i = 0; i < 3; i++) {
      const id = randomUUID();
      await db.dataSource.query(`INSERT INTO person (id, status, golden) VALUES ($1, 'active', '{}')`, [id]);
      persons.push(id);
    }
    const [p0, p1, p2] = persons;
    // RIS: three records, two of them in p0 (a duplicate registration), one invalid, one missing.
    const r1 = await record('RIS', 'r1', 'valid');
    const r2 = await record('RIS', 'r2', 'invalid');
    const r3 = await record('RIS', 'r3', 'missing');
    // PACS: one record, no problems; one ended link that must not count.
    const x1 = await record('PACS', 'x1', 'valid');
    await link(r1, p0, 'auto', 'new-person');
    await link(r2, p0, 'auto', 'auto-link');
    await link(r3, p1, 'auto', 'auto-link');
    await link(x1, p1, 'auto', 'auto-link', true);
    await link(x1, p2, 'manual', 'split');

    // Tasks: created on the 5th, resolved on the 7th after 48 h; one created on the 6th, resolved
    // 6 h later; one trace created on the 8th still open; one created long before the window.
    await task('possible-duplicate', r1, day('05'), day('07'));
    await task('possible-duplicate', r2, day('06', '06:00:00'), day('06'));
    await task('nhs-trace', r3, day('08'), null);
    await task('nhs-shared', x1, new Date('2025-12-01T00:00:00Z'), day('09'));
  }, 90_000);
  afterAll(() => db?.close());

  it('counts the open tasks of each queue at the end of every day', async () => {
    const summary = await insights.summary({ days: 30, now: NOW });
    expect(summary.queueSizes).toHaveLength(30);
    expect(summary.queueSizes[29].day).toBe('2026-03-10');
    expect(summary.from).toBe('2026-02-09T00:00:00.000Z');
    const open = (d: string) =>
      Object.fromEntries((summary.queueSizes.find((q) => q.day === d)?.queues ?? []).map((q) => [q.queue, q.open]));
    expect(open('2026-03-04')).toEqual({ 'possible-duplicate': 0, 'nhs-shared': 1, 'nhs-duplicate': 0, 'nhs-trace': 0 });
    expect(open('2026-03-05')).toMatchObject({ 'possible-duplicate': 1, 'nhs-shared': 1 });
    expect(open('2026-03-06')).toMatchObject({ 'possible-duplicate': 1 });
    expect(open('2026-03-08')).toMatchObject({ 'possible-duplicate': 0, 'nhs-trace': 1, 'nhs-shared': 1 });
    expect(open('2026-03-10')).toEqual({ 'possible-duplicate': 0, 'nhs-shared': 0, 'nhs-duplicate': 0, 'nhs-trace': 1 });
  });

  it('sets demand against capacity per day', async () => {
    const { flow } = await insights.summary({ days: 30, now: NOW });
    const on = (d: string) => flow.find((f) => f.day === d);
    expect(on('2026-03-05')).toEqual({ day: '2026-03-05', created: 1, resolved: 0 });
    expect(on('2026-03-06')).toEqual({ day: '2026-03-06', created: 1, resolved: 1 });
    expect(on('2026-03-07')).toEqual({ day: '2026-03-07', created: 0, resolved: 1 });
    expect(on('2026-03-09')).toEqual({ day: '2026-03-09', created: 0, resolved: 1 });
    expect(flow.reduce((n, f) => n + f.created, 0)).toBe(3);
  });

  it('measures turnaround as median and 90th percentile', async () => {
    const { turnaround } = await insights.summary({ days: 30, now: NOW });
    // 6 h, 48 h, and the old task (from 1 December to 9 March).
    const old = (day('09').getTime() - new Date('2025-12-01T00:00:00Z').getTime()) / 1000;
    expect(turnaround.resolvedCount).toBe(3);
    expect(turnaround.medianSeconds).toBeCloseTo(48 * 3600, 3);
    expect(turnaround.p90Seconds).toBeCloseTo(48 * 3600 + 0.8 * (old - 48 * 3600), 0);
    const empty = await insights.summary({ days: 1, now: new Date('2026-01-01T00:00:00Z') });
    expect(empty.turnaround).toEqual({ resolvedCount: 0, medianSeconds: null, p90Seconds: null });
  });

  it('reports the auto-link rate among current registration links', async () => {
    const { autoLink } = await insights.summary({ now: NOW });
    expect(autoLink).toEqual({ registrationLinks: 3, autoLinks: 2, rate: 2 / 3 });
  });

  it('reports data quality per source system', async () => {
    const { sourceQuality } = await insights.summary({ now: NOW });
    expect(sourceQuality).toEqual([
      { sourceSystem: 'PACS', records: 1, invalidNhsNumber: 0, missingNhsNumber: 0, duplicateRecords: 0, duplicateRate: 0 },
      { sourceSystem: 'RIS', records: 3, invalidNhsNumber: 1, missingNhsNumber: 1, duplicateRecords: 2, duplicateRate: 2 / 3 },
    ]);
  });

  it('refuses a period it cannot draw', async () => {
    await expect(insights.summary({ days: 0 })).rejects.toThrow(/days/);
    await expect(insights.summary({ days: 1000 })).rejects.toThrow(/days/);
  });
});
