import { createHash } from 'node:crypto';
import { EntityManager, QueryFailedError } from 'typeorm';

/** The part of a node-postgres client a prepared query needs. */
interface PgClient {
  query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }>;
}

const names = new Map<string, string>();

/**
 * Runs a statement as a named prepared statement on the connection: PostgreSQL parses and
 * plans it once per connection (and, after a few runs, keeps a generic plan) instead of on
 * every call. On the registration path planning cost as much as executing: the lookup
 * statement planned in 0.64 ms and ran in 0.82 ms (pg_stat_statements, one client, 100 k
 * persons).
 *
 * Only for statements whose text is fixed (values as parameters): every distinct text
 * becomes a statement kept by each connection for its lifetime. Uses the manager's
 * transaction when it has one; errors are TypeORM's `QueryFailedError`, as from `query`.
 */
export async function preparedQuery<T>(
  manager: EntityManager,
  text: string,
  params: unknown[],
): Promise<T[]> {
  let name = names.get(text);
  if (!name) {
    name = `concord_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // Bounded by the distinct statement texts of the code, which a caller keeps fixed.
    names.set(text, name);
  }
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  try {
    const client = (await runner.connect()) as PgClient;
    const result = await client.query({ name, text, values: params });
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, params, error as Error);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
