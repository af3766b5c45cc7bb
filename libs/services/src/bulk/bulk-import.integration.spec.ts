import { AuditLedger } from '../audit/audit-ledger';
import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { RegistrationService } from '../registration/registration.service';
import { bulkImport, BulkRow, orderedUuids } from './bulk-import';
import { deferIndexes, DEFERRED_INDEXES_KEY } from './bulk-indexes';

/** Demographics per truth person; each person is sent by one or more systems. */
const PEOPLE = {
  jane: {
    nhsNumber: '9434765919',
    familyName: 'Smith',
    givenName: 'Jane',
    dateOfBirth: '1980-02-01',
    sex: 'F',
    postcode: 'LS1 4AP',
  },
  anna: {
    familyName: 'Nowak',
    givenName: 'Anna',
    dateOfBirth: '1975-07-14',
    sex: 'F',
    postcode: 'LS6 2QT',
    addressLine: '12 Hyde Park Road',
  },
  omar: {
    nhsNumber: '4010232137',
    familyName: 'Hassan',
    givenName: 'Omar',
    dateOfBirth: '2001-11-30',
    sex: 'M',
    postcode: 'YO10 5DD',
  },
  ruth: { familyName: 'Evans', givenName: 'Ruth', dateOfBirth: '1942-03-09', sex: 'F', postcode: 'HG1 2AB' },
  lee: {
    nhsNumber: '9990001112',
    familyName: 'Lee',
    givenName: 'Sam',
    dateOfBirth: '1990-06-15',
    sex: 'M',
    postcode: 'BD7 1DP',
  },
};

/** The file: [system, local id, truth person, changes]. */
const FILE: Array<[string, string, keyof typeof PEOPLE, Record<string, string>]> = [
  ['RIS', 'a1', 'jane', {}],
  ['PACS', 'a2', 'jane', { familyName: 'SMITH', dateOfBirth: '01/02/1980' }],
  ['RIS', 'b1', 'anna', {}],
  ['PAS', 'c1', 'omar', {}],
  ['PACS', 'b2', 'anna', { givenName: 'ANNA', dateOfBirth: '19750714' }],
  ['PAS', 'd1', 'ruth', {}],
  ['RIS', 'c2', 'omar', { givenName: 'Omar', postcode: 'YO10 5DE' }],
  ['PACS', 'e1', 'lee', {}],
  ['PAS', 'a3', 'jane', { postcode: 'LS2 9JT' }],
];

function rows(): BulkRow[] {
  const out: BulkRow[] = FILE.map(([sourceSystem, localId, person, changes], i) => ({
    line: i + 2,
    input: { recordId: localId, sourceSystem, localId, ...PEOPLE[person], ...changes },
  }));
  // A field too long for the index: rejected with its line, never stored.
  out.push({ line: FILE.length + 2, input: { recordId: 'x1', localId: 'x1', familyName: 'X'.repeat(201) } });
  return out;
}

/** Persons as sets of "system|localId", sorted, so two databases can be compared. */
async function partition(db: OpenDatabase): Promise<string[]> {
  const found: Array<{ ids: string }> = await db.dataSource.query(
    `SELECT string_agg(r.source_system || '|' || r.local_id, ',' ORDER BY r.source_system, r.local_id) AS ids
       FROM link l JOIN source_record r ON r.id = l.record_id
      WHERE l.ended_at IS NULL GROUP BY l.person_id`,
  );
  return found.map((f) => f.ids).sort();
}

async function tableCounts(db: OpenDatabase) {
  const [row] = await db.dataSource.query(
    `SELECT (SELECT count(*) FROM person)::int AS persons, (SELECT count(*) FROM source_record)::int AS records,
            (SELECT count(*) FROM source_record_version)::int AS versions, (SELECT count(*) FROM link)::int AS links,
            (SELECT count(*) FROM blocking_key)::int AS keys, (SELECT count(*) FROM change_event)::int AS events,
            (SELECT coalesce(max(seq), 0)::int FROM change_event) AS last_seq`,
  );
  return row as Record<string, number>;
}

/** Review tasks as [queue, record, candidate person's records, source systems], comparable across databases. */
async function tasks(db: OpenDatabase): Promise<string[]> {
  const found: Array<{ task: string }> = await db.dataSource.query(
    `SELECT t.type || ' ' || r.source_system || '|' || r.local_id || ' -> ' ||
            coalesce((SELECT string_agg(o.source_system || '|' || o.local_id, ',' ORDER BY o.source_system, o.local_id)
                        FROM link l JOIN source_record o ON o.id = l.record_id
                       WHERE l.person_id = t.candidate_person_id AND l.ended_at IS NULL), '-') ||
            ' [' || array_to_string(t.source_systems, ',') || ']' AS task
       FROM review_task t JOIN source_record r ON r.id = t.record_id WHERE t.status = 'open'`,
  );
  return found.map((f) => f.task).sort();
}

async function indexes(db: OpenDatabase): Promise<string[]> {
  const rows: Array<{ indexdef: string }> = await db.dataSource.query(
    `SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() ORDER BY indexname`,
  );
  return rows.map((r) => r.indexdef);
}

describe('ordered ids of a bulk load', () => {
  it('are version 7 UUIDs in the order they are handed out', () => {
    const next = orderedUuids(Date.UTC(2026, 10, 28));
    const ids = Array.from({ length: 40_000 }, next);
    for (const id of ids)
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

const TRUTH = ['PACS|a2,PAS|a3,RIS|a1', 'PACS|b2,RIS|b1', 'PAS|c1,RIS|c2', 'PAS|d1', 'PACS|e1'].sort();

describe.each(testEngines())('bulk import on %s', (engine) => {
  const open: OpenDatabase[] = [];
  const fresh = async () => {
    const db = await openTestDatabase(engine);
    open.push(db);
    return db;
  };
  afterAll(async () => {
    for (const db of open) await db.close();
  }, 60_000);

  it('places the persons of truth, as the per-record path does, and a re-run changes nothing', async () => {
    const db = await fresh();
    const result = await bulkImport(db.dataSource, rows(), { model: DEFAULT_MODEL });
    expect(result.mode).toBe('bulk');
    expect(result.rejected).toEqual([
      { line: 11, recordId: 'x1', reason: 'familyName: must be at most 200 characters' },
    ]);
    expect(result.counts).toEqual({ new: 5, linked: 4, review: 0, unchanged: 0 });
    expect(result.remainder).toEqual([]);
    expect(await partition(db)).toEqual(TRUTH);
    const ledger: Array<{ action: string; records: number }> = await db.dataSource.query(
      `SELECT action, cardinality(record_ids) AS records FROM audit_event ORDER BY seq`,
    );
    expect(ledger).toEqual([{ action: 'record.bulk-registered', records: 9 }]);
    expect((await new AuditLedger(db.dataSource).verify()).ok).toBe(true);

    // The same rows one at a time through the real-time path give the same persons, link
    // reasons, flags and golden views.
    const single = await fresh();
    const registration = new RegistrationService(single.dataSource, () => DEFAULT_MODEL);
    for (const row of rows().slice(0, FILE.length)) await registration.register(row.input, 'test');
    expect(await partition(single)).toEqual(await partition(db));
    const detail = `SELECT r.source_system, r.local_id, r.content_hash, r.flags, r.nhs_number_status, r.standardised,
                           l.reason, l.model_version, p.golden, p.version
                      FROM source_record r JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL
                      JOIN person p ON p.id = l.person_id ORDER BY r.source_system, r.local_id`;
    expect(await db.dataSource.query(detail)).toEqual(await single.dataSource.query(detail));
    // Every link names the model that decided it, a new person's too.
    const versions = await db.dataSource.query(`SELECT DISTINCT model_version FROM link`);
    expect(versions).toEqual([{ model_version: DEFAULT_MODEL.version }]);
    // Records without a valid NHS number (none, or a test-range one) wait for tracing.
    expect(await tasks(db)).toEqual([
      'nhs-trace PACS|b2 -> - [PACS]',
      'nhs-trace PACS|e1 -> - [PACS]',
      'nhs-trace PAS|d1 -> - [PAS]',
      'nhs-trace RIS|b1 -> - [RIS]',
    ]);
    expect(await tasks(single)).toEqual(await tasks(db));

    const before = await tableCounts(db);
    expect(before).toMatchObject({ persons: 5, records: 9, versions: 9, links: 9, events: 14, last_seq: 14 });
    const again = await bulkImport(db.dataSource, rows(), { model: DEFAULT_MODEL });
    expect(again.mode).toBe('resume');
    expect(again.counts).toEqual({ new: 0, linked: 0, review: 0, unchanged: 9 });
    expect(await tableCounts(db)).toEqual(before);
  }, 120_000);

  it('opens the duplicate-number and possible-duplicate tasks the per-record path opens', async () => {
    const file: BulkRow[] = [
      ...rows().slice(0, FILE.length),
      // Jane's NHS number on someone else entirely: two people may share it.
      {
        line: 20,
        input: {
          sourceSystem: 'PAS',
          localId: 's1',
          nhsNumber: '9434765919',
          familyName: 'Okoro',
          givenName: 'Bayo',
          dateOfBirth: '1958-09-23',
          sex: 'M',
          postcode: 'M14 5RT',
        },
      },
      // Omar under a second valid number: the conflict rule holds the pair back.
      { line: 21, input: { sourceSystem: 'RIS', localId: 'c3', ...PEOPLE.omar, nhsNumber: '4010232145' } },
      // Ruth with day and month swapped, moved away and under a married name: doubtful.
      {
        line: 22,
        input: {
          sourceSystem: 'RIS',
          localId: 'd2',
          ...PEOPLE.ruth,
          familyName: 'Evans-Hughes',
          dateOfBirth: '1942-09-03',
          postcode: 'LS1 1AA',
        },
      },
    ];
    const db = await fresh();
    const result = await bulkImport(db.dataSource, file, { model: DEFAULT_MODEL });
    expect(result.remainder).toEqual([]);
    const single = await fresh();
    const registration = new RegistrationService(single.dataSource, () => DEFAULT_MODEL);
    for (const row of file) await registration.register(row.input, 'test');
    expect(await partition(db)).toEqual(await partition(single));
    const bulkTasks = await tasks(db);
    expect(bulkTasks).toEqual(await tasks(single));
    expect(bulkTasks).toEqual([
      'nhs-duplicate RIS|c3 -> PAS|c1,RIS|c2 [PAS,RIS]',
      'nhs-shared PAS|s1 -> PACS|a2,PAS|a3,RIS|a1 [PACS,PAS,RIS]',
      'nhs-trace PACS|b2 -> - [PACS]',
      'nhs-trace PACS|e1 -> - [PACS]',
      'nhs-trace PAS|d1 -> - [PAS]',
      'nhs-trace RIS|b1 -> - [RIS]',
      'nhs-trace RIS|d2 -> - [RIS]',
      'possible-duplicate RIS|d2 -> PAS|d1 [PAS,RIS]',
    ]);
  }, 120_000);

  it('resumes an interrupted run without duplicating or losing a record', async () => {
    const db = await fresh();
    const first = await bulkImport(db.dataSource, rows(), {
      model: DEFAULT_MODEL,
      chunkRecords: 2,
      maxChunks: 2,
    });
    expect(first.interrupted).toBe(true);
    const partial = await tableCounts(db);
    expect(partial.records).toBeGreaterThan(0);
    expect(partial.records).toBeLessThan(9);

    const second = await bulkImport(db.dataSource, rows(), { model: DEFAULT_MODEL, chunkRecords: 2 });
    expect(second.mode).toBe('resume');
    expect(second.interrupted).toBe(false);
    expect(second.counts.unchanged).toBe(partial.records);
    expect(second.counts.new + second.counts.linked + second.counts.review).toBe(9 - partial.records);
    expect(await partition(db)).toEqual(TRUTH);
    // One version and one link per record, and a gap-free feed.
    expect(await tableCounts(db)).toMatchObject({
      persons: 5,
      records: 9,
      versions: 9,
      links: 9,
      events: 14,
      last_seq: 14,
    });
  }, 120_000);

  it('sets plain indexes aside for a large load and builds them again, also after an interruption', async () => {
    const db = await fresh();
    const schema = await indexes(db);
    const result = await bulkImport(db.dataSource, rows(), { model: DEFAULT_MODEL, deferIndexesFrom: 1 });
    expect(result.counts).toEqual({ new: 5, linked: 4, review: 0, unchanged: 0 });
    expect(await indexes(db)).toEqual(schema);
    expect(await partition(db)).toEqual(TRUTH);

    // A load killed while its indexes were set aside: the next run builds them.
    expect(await deferIndexes(db.dataSource)).toBeGreaterThan(3);
    expect((await indexes(db)).length).toBeLessThan(schema.length);
    const again = await bulkImport(db.dataSource, rows(), { model: DEFAULT_MODEL });
    expect(again.mode).toBe('resume');
    expect(await indexes(db)).toEqual(schema);
    const kept = await db.dataSource.query(`SELECT 1 FROM app_setting WHERE key = $1`, [
      DEFERRED_INDEXES_KEY,
    ]);
    expect(kept).toEqual([]);
  }, 120_000);

  it('leaves repeated ids and an index holding other records to the per-record path', async () => {
    const db = await fresh();
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    await registration.register({ sourceSystem: 'OTHER', localId: 'z1', ...PEOPLE.ruth }, 'test');
    const input = rows();
    const result = await bulkImport(db.dataSource, input, { model: DEFAULT_MODEL });
    expect(result.mode).toBe('per-record');
    expect(result.remainder.map((r) => r.line)).toEqual(input.slice(0, FILE.length).map((r) => r.line));
    await expect(
      bulkImport(db.dataSource, input, { model: DEFAULT_MODEL, requireBulk: true }),
    ).rejects.toThrow(/already holds 1 records/);

    const empty = await fresh();
    const repeated = [...input.slice(0, 3), { line: 99, input: { ...input[0].input, postcode: 'LS2 7HY' } }];
    const bulk = await bulkImport(empty.dataSource, repeated, { model: DEFAULT_MODEL });
    expect(bulk.remainder.map((r) => r.line)).toEqual([99]);
  }, 120_000);
});
