import type { DataSource, EntityManager } from 'typeorm';
import { QueryFailedError } from 'typeorm';
import { ServiceError, ServiceErrorCode } from './service-error';
import { inTransaction, transientSqlState, tryAgainError } from './transactions';

const databaseError = (code: string) =>
  new QueryFailedError('SELECT 1', [], Object.assign(new Error('deadlock detected'), { code }));

/** A data source whose transactions fail with the given errors, then succeed. */
function flakyDataSource(failures: unknown[]) {
  let calls = 0;
  const dataSource = {
    async transaction<T>(work: (m: EntityManager) => Promise<T>): Promise<T> {
      calls++;
      const failure = failures.shift();
      if (failure) throw failure;
      return work({} as EntityManager);
    },
  } as unknown as DataSource;
  return { dataSource, calls: () => calls };
}

describe('database races', () => {
  it('recognises deadlocks, serialization failures and unique violations, from TypeORM or the driver', () => {
    expect(transientSqlState(databaseError('40P01'))).toBe('40P01');
    expect(transientSqlState(databaseError('40001'))).toBe('40001');
    expect(transientSqlState(Object.assign(new Error('x'), { code: '23505' }))).toBe('23505');
    expect(transientSqlState(databaseError('23503'))).toBeNull();
    expect(transientSqlState(new ServiceError(ServiceErrorCode.Conflict, 'x'))).toBeNull();
    expect(transientSqlState(null)).toBeNull();
    expect(tryAgainError(databaseError('40P01'))).toMatchObject({ code: ServiceErrorCode.TryAgain });
  });

  it('runs the whole transaction again after a deadlock, and answers its result', async () => {
    const { dataSource, calls } = flakyDataSource([databaseError('40P01'), databaseError('40001')]);
    await expect(inTransaction(dataSource, async () => 'done')).resolves.toBe('done');
    expect(calls()).toBe(3);
  });

  it('answers TRY_AGAIN once the attempts are spent', async () => {
    const { dataSource, calls } = flakyDataSource([1, 2, 3, 4].map(() => databaseError('40P01')));
    await expect(inTransaction(dataSource, async () => 'done')).rejects.toMatchObject({
      code: ServiceErrorCode.TryAgain,
      message: expect.stringMatching(/deadlock.*try again/),
    });
    expect(calls()).toBe(3);
  });

  it('never retries any other error', async () => {
    const conflict = new ServiceError(ServiceErrorCode.Conflict, 'changed by someone else');
    const other = flakyDataSource([conflict]);
    await expect(inTransaction(other.dataSource, async () => 'done')).rejects.toBe(conflict);
    expect(other.calls()).toBe(1);
    const foreignKey = databaseError('23503');
    const broken = flakyDataSource([foreignKey]);
    await expect(inTransaction(broken.dataSource, async () => 'done')).rejects.toBe(foreignKey);
    expect(broken.calls()).toBe(1);
  });
});
