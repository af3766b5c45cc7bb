import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DEFAULT_MODEL } from '@concord/matching';
import { openTestDatabase, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { AuditLedger } from '../audit/audit-ledger';
import { RegistrationService } from '../registration/registration.service';
import { StewardDecisions } from './steward-decisions';
import { StewardQueues } from './task-queries';

const WORKSPACE = join(__dirname, '..', '..', '..', '..');

/** The merge's whole footprint: links, persons, operations, the task, and the ledger's length. */
async function footprint(db: OpenDatabase) {
  const [links, persons, operations, tasks, audit, feed] = await Promise.all([
    db.dataSource.query(
      `SELECT record_id, person_id, type, reason FROM link WHERE ended_at IS NULL ORDER BY record_id`,
    ),
    db.dataSource.query(`SELECT id, status, successor_id, golden FROM person ORDER BY id`),
    db.dataSource.query(`SELECT count(*)::int AS n FROM steward_operation`),
    db.dataSource.query(`SELECT id, status, version FROM review_task ORDER BY id`),
    db.dataSource.query(`SELECT count(*)::int AS n FROM audit_event`),
    db.dataSource.query(`SELECT count(*)::int AS n FROM change_event`),
  ]);
  return { links, persons, operations, tasks, audit, feed };
}

/**
 * A merge cut off half-way leaves all of it or none of it. On PostgreSQL the merging
 * process is killed (SIGKILL) while its transaction is open, with every merge write done
 * but not committed; on the embedded database, where the engine lives in the process, the
 * same transaction fails at the same point. Either way nothing of the merge remains, and
 * the merge then succeeds when tried again.
 */
describe.each(testEngines())('a merge interrupted half-way on %s', (engine) => {
  let db: OpenDatabase;
  let taskId: string;
  let version: number;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    const base = {
      familyName: 'Okafor',
      givenName: 'Adaeze',
      dateOfBirth: '1975-06-14',
      sex: 'F',
      postcode: 'LS6 2QT',
    };
    await registration.register({ sourceSystem: 'RIS', localId: 'R1', ...base }, 'test');
    const second = await registration.register(
      { sourceSystem: 'PACS', localId: 'P1', ...base, givenName: 'Adeze', postcode: 'M1 1AA' },
      'test',
    );
    const page = await new StewardQueues(db.dataSource).page({
      filter: { queue: 'possible-duplicate' },
      sort: 'age',
      first: 10,
    });
    const task = page.tasks.find((t) => t.recordId === second.recordId);
    if (!task) throw new Error('the doubtful pair opened no task');
    taskId = task.id;
    version = task.version;
  }, 60_000);
  afterAll(() => db?.close());

  it('leaves none of the merge behind, and the merge succeeds when tried again', async () => {
    const before = await footprint(db);
    if (engine === 'postgres') {
      // The last write of a merge is its change events: hold the transaction open there.
      await db.dataSource.query(`CREATE FUNCTION hold_merge() RETURNS trigger AS $$
        BEGIN PERFORM pg_sleep(2); RETURN NEW; END $$ LANGUAGE plpgsql`);
      await db.dataSource.query(
        `CREATE TRIGGER hold_merge BEFORE INSERT ON change_event FOR EACH ROW EXECUTE FUNCTION hold_merge()`,
      );
      const url = (db.dataSource.options as { url: string }).url;
      const child = spawn(
        process.execPath,
        [
          '-r',
          'ts-node/register',
          '-r',
          'tsconfig-paths/register',
          join(__dirname, 'interrupted-merge.child.ts'),
          url,
          taskId,
          String(version),
        ],
        {
          cwd: WORKSPACE,
          env: {
            ...process.env,
            TS_NODE_PROJECT: 'tools/tsconfig.tools.json',
            TS_NODE_TRANSPILE_ONLY: '1',
            NODE_OPTIONS: '',
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let stderr = '';
      child.stderr.on('data', (chunk) => (stderr += String(chunk)));
      // Wait until the child's merge is inside the held insert, then kill it outright.
      const deadline = Date.now() + 45_000;
      for (;;) {
        const [held] = await db.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event = 'PgSleep'`,
        );
        if (held.n > 0) break;
        if (Date.now() > deadline) throw new Error(`the child never reached the merge: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      child.kill('SIGKILL');
      expect(await exited).toBeNull();
      // The server ends the orphaned transaction when it finds its client gone.
      for (;;) {
        const [open] = await db.dataSource.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()
              AND state <> 'idle' AND query NOT LIKE '%pg_stat_activity%'`,
        );
        if (open.n === 0) break;
        await new Promise((r) => setTimeout(r, 100));
      }
      await db.dataSource.query(`DROP TRIGGER hold_merge ON change_event`);
      await db.dataSource.query(`DROP FUNCTION hold_merge()`);
    } else {
      await db.dataSource.query(`CREATE FUNCTION fail_merge() RETURNS trigger AS $$
        BEGIN RAISE EXCEPTION 'process lost'; END $$ LANGUAGE plpgsql`);
      await db.dataSource.query(
        `CREATE TRIGGER fail_merge BEFORE INSERT ON change_event FOR EACH ROW EXECUTE FUNCTION fail_merge()`,
      );
      const decisions = new StewardDecisions(db.dataSource, { leaseMinutes: 15, fourEyes: 'off' });
      await expect(
        decisions.samePerson({ taskId, version, reason: 'interrupted' }, { name: 'user:x', role: 'steward' }),
      ).rejects.toThrow(/process lost/);
      await db.dataSource.query(`DROP TRIGGER fail_merge ON change_event`);
      await db.dataSource.query(`DROP FUNCTION fail_merge()`);
    }
    expect(await footprint(db)).toEqual(before);

    const decisions = new StewardDecisions(db.dataSource, { leaseMinutes: 15, fourEyes: 'off' });
    const merged = await decisions.samePerson(
      { taskId, version, reason: 'tried again' },
      { name: 'user:ann', role: 'steward' },
    );
    expect(merged.operation?.status).toBe('applied');
    expect(await new AuditLedger(db.dataSource).verify()).toMatchObject({ ok: true });
  }, 90_000);
});
