import { QueryFailedError } from 'typeorm';
import { openTestDatabase, testEngines } from '../testing';
import type { OpenDatabase } from './open-database';
import { preparedQuery } from './prepared-query';

describe.each(testEngines())('preparedQuery on %s', (engine) => {
  let db: OpenDatabase;

  beforeAll(async () => {
    db = await openTestDatabase(engine);
  }, 60_000);
  afterAll(() => db?.close());

  const text = 'SELECT $1::int + 1 AS next, current_setting($2) AS mode';

  it('runs one statement with new values each time, outside and inside a transaction', async () => {
    const first = await preparedQuery<{ next: number }>(db.dataSource.manager, text, [1, 'plan_cache_mode']);
    const second = await preparedQuery<{ next: number }>(db.dataSource.manager, text, [
      41,
      'plan_cache_mode',
    ]);
    expect([first[0].next, second[0].next]).toEqual([2, 42]);
    const inside = await db.dataSource.transaction(async (manager) => {
      await manager.query(`CREATE TEMP TABLE prepared_probe (n int) ON COMMIT DROP`);
      await preparedQuery(manager, 'INSERT INTO prepared_probe (n) VALUES ($1)', [7]);
      return preparedQuery<{ n: number }>(manager, 'SELECT n FROM prepared_probe', []);
    });
    expect(inside).toEqual([{ n: 7 }]);
  });

  it('keeps one generic plan on every connection', async () => {
    const [row] = await preparedQuery<{ mode: string }>(db.dataSource.manager, text, [0, 'plan_cache_mode']);
    expect(row.mode).toBe('force_generic_plan');
  });

  it("fails as TypeORM's QueryFailedError with the database's SQLSTATE", async () => {
    const failure = preparedQuery(db.dataSource.manager, 'SELECT 1 / $1::int AS x', [0]);
    await expect(failure).rejects.toBeInstanceOf(QueryFailedError);
    await expect(failure).rejects.toMatchObject({ driverError: { code: '22012' } });
    // The connection stays usable after the failure.
    const [ok] = await preparedQuery<{ x: number }>(db.dataSource.manager, 'SELECT 1 / $1::int AS x', [1]);
    expect(ok.x).toBe(1);
  });
});
