import { openTestDatabase, TestEngine, testEngines } from '@concord/persistence/testing';
import type { OpenDatabase } from '@concord/persistence';
import { inTransaction } from './transactions';

/** Resolves once `parties` callers wait on it. */
function barrier(parties: number): () => Promise<void> {
  let arrived = 0;
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return () => {
    arrived += 1;
    if (arrived === parties) open();
    return opened;
  };
}

// A real deadlock needs two connections at once: PGlite has one and runs transactions one
// after another, so the race is staged on PostgreSQL only.
const servers: TestEngine[] = testEngines().filter((engine) => engine === 'postgres');
(servers.length > 0 ? describe.each(servers) : describe.skip.each<TestEngine>(['postgres']))(
  'a real deadlock on %s',
  (engine) => {
    let db: OpenDatabase;
    beforeAll(async () => {
      db = await openTestDatabase(engine);
      await db.dataSource.query(`INSERT INTO app_setting (key, value) VALUES ('race-a', ''), ('race-b', '')`);
    }, 60_000);
    afterAll(() => db?.close());

    it('is retried where the transaction runs: both requests succeed, each applied once', async () => {
      const bothHoldOneRow = barrier(2);
      const attempts = { one: 0, two: 0 };
      // Each locks one row, waits until the other holds the other row, then wants it: the
      // server breaks the cycle by failing one with 40P01; that one runs again.
      const run = (who: 'one' | 'two', first: string, second: string) =>
        inTransaction(db.dataSource, async (manager) => {
          attempts[who] += 1;
          await manager.query(`UPDATE app_setting SET value = value || $2 WHERE key = $1`, [first, who]);
          if (attempts[who] === 1) await bothHoldOneRow();
          await manager.query(`UPDATE app_setting SET value = value || $2 WHERE key = $1`, [second, who]);
          return attempts[who];
        });
      const results = await Promise.all([run('one', 'race-a', 'race-b'), run('two', 'race-b', 'race-a')]);
      expect(results.sort()).toEqual([1, 2]);
      const rows: Array<{ key: string; value: string }> = await db.dataSource.query(
        `SELECT key, value FROM app_setting WHERE key LIKE 'race-%' ORDER BY key`,
      );
      // The victim's first attempt was rolled back: each row carries each request once.
      for (const row of rows) expect(row.value.split(/(?=one|two)/).sort()).toEqual(['one', 'two']);
    }, 30_000);
  },
);
