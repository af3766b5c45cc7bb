import { join } from 'node:path';
import { DEFAULT_MODEL } from '@concord/matching';
import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { AccessService } from '../access/access.service';
import { AuditLedger } from '../audit/audit-ledger';
import { RegistrationService } from '../registration/registration.service';
import { seedDemo } from './demo-seed';

const DEMO_CSV = join(
  __dirname,
  '..',
  '..',
  '..',
  '..',
  'data-fixtures',
  'populations',
  'demo',
  'records.csv',
);

describe.each(testEngines())('demo seed on %s', (engine) => {
  let db: OpenDatabase;
  beforeAll(async () => {
    db = await openTestDatabase(engine);
  }, 60_000);
  afterAll(() => db?.close());

  it('loads the demo population through the bulk path once, with users, a key and a sealed ledger', async () => {
    const access = new AccessService(db.dataSource, { sessionMinutes: 60 });
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    const seeded = await seedDemo(db.dataSource, access, registration, DEMO_CSV);
    expect(seeded).toMatchObject({ seeded: true, records: 3025, apiKey: expect.any(String) });
    const [counts] = await db.dataSource.query(
      `SELECT (SELECT count(*) FROM source_record)::int AS records,
              (SELECT count(*) FROM link WHERE ended_at IS NULL)::int AS links,
              (SELECT count(*) FROM app_user)::int AS users,
              (SELECT count(DISTINCT person_id) FROM link WHERE ended_at IS NULL)::int AS persons`,
    );
    expect(counts).toMatchObject({ records: 3025, links: 3025, users: 4 });
    // Duplicates were linked: fewer persons than records.
    expect(counts.persons).toBeLessThan(3025);
    const actions: Array<{ action: string }> = await db.dataSource.query(
      `SELECT DISTINCT action FROM audit_event ORDER BY action`,
    );
    expect(actions.map((a) => a.action)).toEqual([
      'api-key.created',
      'record.bulk-registered',
      'user.created',
    ]);
    expect((await new AuditLedger(db.dataSource).verify()).ok).toBe(true);

    const again = await seedDemo(db.dataSource, access, registration, DEMO_CSV);
    expect(again).toEqual({ seeded: false, records: 0, apiKey: seeded.apiKey });
  }, 180_000);
});
