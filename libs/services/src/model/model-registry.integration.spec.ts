import type { OpenDatabase } from '@concord/persistence';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import { DEFAULT_MODEL, MatchModel } from '@concord/matching';
import { randomUUID } from 'node:crypto';
import { RegistrationService } from '../registration/registration.service';
import { ServiceError } from '../errors/service-error';
import { ModelRegistry } from './model-registry';
import { weightOfProbability } from './model-scores';

const ADMIN = { name: 'user:admin', role: 'admin' };

function edited(version: string, change: (m: MatchModel) => void = () => undefined): MatchModel {
  const m = JSON.parse(JSON.stringify(DEFAULT_MODEL)) as MatchModel;
  m.version = version;
  change(m);
  return m;
}

describe.each(testEngines())('model registry on %s', (engine) => {
  let db: OpenDatabase;
  let registry: ModelRegistry;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    registry = new ModelRegistry(db.dataSource, { refreshMs: 60_000 });
    await registry.start();
  }, 60_000);
  afterAll(async () => {
    registry?.stop();
    await db?.close();
  });

  it('uses the shipped default until a version is activated', async () => {
    expect(registry.current()).toBe(DEFAULT_MODEL);
    const list = await registry.list();
    expect(list).toEqual([
      expect.objectContaining({ version: DEFAULT_MODEL.version, shipped: true, current: true }),
    ]);
  });

  it('refuses an invalid document, naming the JSON path, and stores nothing', async () => {
    const bad = edited('bad-1', (m) => {
      m.fields[1].levels[0].m = 2;
    });
    await expect(registry.load(JSON.stringify(bad), ADMIN)).rejects.toMatchObject({
      code: 'VALIDATION',
      field: '$.fields[1].levels[0].m',
    });
    await expect(registry.load('{not json', ADMIN)).rejects.toBeInstanceOf(ServiceError);
    await expect(registry.load(JSON.stringify(edited(DEFAULT_MODEL.version)), ADMIN)).rejects.toMatchObject({
      field: '$.version',
    });
    expect(await registry.list()).toHaveLength(1);
  });

  it('loads a draft, refuses the same version twice, and audits the load', async () => {
    const info = await registry.load(JSON.stringify(edited('draft-1')), ADMIN);
    expect(info).toMatchObject({
      version: 'draft-1',
      status: 'draft',
      createdBy: 'user:admin',
      current: false,
    });
    await expect(registry.load(edited('draft-1'), ADMIN)).rejects.toMatchObject({
      code: 'VALIDATION',
      field: '$.version',
    });
    expect(registry.current()).toBe(DEFAULT_MODEL);
    const audit = await db.dataSource.query(
      `SELECT actor, action, model_version FROM audit_event WHERE action = 'model.loaded'`,
    );
    expect(audit).toEqual([{ actor: 'user:admin', action: 'model.loaded', model_version: 'draft-1' }]);
  });

  it('previews a draft against the open tasks and activates it; another replica sees it after its refresh', async () => {
    // Same family name and birth date, another given name, no address: a doubtful pair under the default model.
    const registration = new RegistrationService(db.dataSource, () => registry.current());
    const base = { sourceSystem: 'RIS', familyName: 'Okonkwo', dateOfBirth: '1971-04-03', sex: 'F' };
    await registration.register({ ...base, localId: 'a1', givenName: 'Adaeze' }, 'test');
    await registration.register(
      { ...base, sourceSystem: 'PACS', localId: 'b1', givenName: 'Chioma' },
      'test',
    );
    const tasks: Array<{ id: string; score: number; match_probability: number }> = await db.dataSource.query(
      `SELECT id, score, match_probability FROM review_task WHERE status = 'open' AND candidate_person_id IS NOT NULL`,
    );
    const before = await registry.histogram();
    expect(before.modelVersion).toBe(DEFAULT_MODEL.version);
    expect(before.totalTasks).toBe(tasks.length);
    expect(before.linkWeight).toBeCloseTo(weightOfProbability(DEFAULT_MODEL.thresholds.link));
    expect(before.bins.every((b) => b.to - b.from === before.binWidth)).toBe(true);

    // A model that links at a much lower probability: every open task would auto-link.
    await registry.load(
      edited('lenient-1', (m) => (m.thresholds = { link: 1e-6, review: 1e-7 })),
      ADMIN,
    );
    const preview = await registry.preview('lenient-1', ADMIN);
    expect(preview.scored).toBe(tasks.length);
    expect(preview.wouldLink + preview.wouldStay + preview.wouldDrop).toBe(tasks.length);
    expect(tasks.length).toBeGreaterThan(0);
    expect(preview.wouldLink).toBeGreaterThan(0);
    expect(preview.changes[0]).toMatchObject({ outcome: 'would-link', currentOutcome: 'would-stay' });
    expect(preview.changed).toBeGreaterThan(0);
    // Only tasks whose outcome moves are listed: one already below review under both stays out.
    expect(preview.changes.every((c) => c.outcome !== c.currentOutcome)).toBe(true);
    expect(preview.changes.length).toBe(Math.min(preview.changed, 50));
    expect(preview.proposed.modelVersion).toBe('lenient-1');
    expect(preview.current.totalTasks).toBe(tasks.length);

    // A model that links only at certainty and reviews nothing below it: tasks would drop.
    await registry.load(
      edited('strict-1', (m) => (m.thresholds = { link: 0.999999, review: 0.999998 })),
      ADMIN,
    );
    const strict = await registry.preview('strict-1', ADMIN);
    expect(strict.wouldDrop).toBe(tasks.length - strict.wouldLink - strict.wouldStay);
    expect(strict.wouldDrop).toBeGreaterThan(0);
    expect(strict.changes.every((c) => c.outcome !== c.currentOutcome)).toBe(true);
    expect(strict.changes.length).toBe(Math.min(strict.changed, 50));

    const other = new ModelRegistry(db.dataSource, { refreshMs: 50 });
    await other.start();
    expect(other.current()).toBe(DEFAULT_MODEL);

    const activated = await registry.activate('lenient-1', ADMIN);
    expect(activated).toMatchObject({ version: 'lenient-1', status: 'active', activatedBy: 'user:admin' });
    expect(registry.current().version).toBe('lenient-1');
    expect(registry.current().thresholds.link).toBe(1e-6);
    // The other replica: at most one refresh interval later.
    await new Promise((r) => setTimeout(r, 120));
    expect(other.current().version).toBe('lenient-1');
    other.stop();

    // New registrations score with the active version.
    const r = await registration.register(
      { ...base, sourceSystem: 'PAS', localId: 'c1', givenName: 'Ngozi' },
      'test',
    );
    expect(r.decision).toBe('linked');

    await expect(registry.activate('lenient-1', ADMIN)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(registry.activate('nope', ADMIN)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Activating another retires the first; exactly one active row.
    await registry.activate('strict-1', ADMIN);
    const statuses = await db.dataSource.query(`SELECT version, status FROM match_model ORDER BY version`);
    expect(statuses).toEqual([
      { version: 'draft-1', status: 'draft' },
      { version: 'lenient-1', status: 'retired' },
      { version: 'strict-1', status: 'active' },
    ]);
    // The database itself refuses a second active version.
    await expect(
      db.dataSource.query(`UPDATE match_model SET status = 'active' WHERE version = 'draft-1'`),
    ).rejects.toThrow();

    // Back to the shipped model.
    await registry.activate(DEFAULT_MODEL.version, ADMIN);
    expect(registry.current()).toBe(DEFAULT_MODEL);
    const list = await registry.list();
    expect(list.filter((v) => v.current).map((v) => v.version)).toEqual([DEFAULT_MODEL.version]);

    const audit: Array<{ action: string; before: unknown; after: { version: string } }> =
      await db.dataSource.query(
        `SELECT action, before, after FROM audit_event WHERE action = 'model.activated' ORDER BY seq`,
      );
    expect(audit.map((a) => [(a.before as { version: string }).version, a.after.version])).toEqual([
      [DEFAULT_MODEL.version, 'lenient-1'],
      ['lenient-1', 'strict-1'],
      ['strict-1', DEFAULT_MODEL.version],
    ]);
    const previews = await db.dataSource.query(
      `SELECT count(*)::int AS n FROM audit_event WHERE action = 'model.previewed'`,
    );
    expect(previews[0].n).toBe(2);
  }, 60_000);

  it('counts current links and open tasks in weight bins', async () => {
    const person = randomUUID();
    const record = randomUUID();
    await db.dataSource.query(`INSERT INTO person (id, status, golden) VALUES ($1, 'active', '{}')`, [
      person,
    ]);
    await db.dataSource.query(
      `INSERT INTO source_record (id, source_system, local_id, raw, standardised, nhs_number, nhs_number_status, content_hash)
       VALUES ($1, 'X', 'x1', '{}', '{}', null, 'missing', 'h')`,
      [record],
    );
    const h0 = await registry.histogram();
    await db.dataSource.query(
      `INSERT INTO link (record_id, person_id, type, reason, created_by, score) VALUES ($1, $2, 'auto', 'auto-link', 'test', 31.5)`,
      [record, person],
    );
    const h1 = await registry.histogram();
    expect(h1.totalLinks).toBe(h0.totalLinks + 1);
    const bin = h1.bins.find((b) => b.from <= 31.5 && 31.5 < b.to);
    expect(bin?.links).toBeGreaterThanOrEqual(1);
  });
});
