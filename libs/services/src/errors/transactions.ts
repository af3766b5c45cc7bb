import { DataSource, EntityManager } from 'typeorm';
import { ServiceError, ServiceErrorCode } from './service-error';

/**
 * SQLSTATEs of a transaction that lost a race with another, not of a wrong request: run again,
 * it will most likely succeed. 23505 is here for the race of two writers inserting the same
 * key at once (the loser, run again, finds the winner's row); a request that truly repeats a
 * unique value is refused by the use case's own check, before the insert.
 */
const TRANSIENT: Record<string, string> = {
  '40P01': 'a deadlock with another request',
  '40001': 'a conflict with a concurrent transaction',
  '23505': 'a concurrent request writing the same data',
};

/** How long a client should wait before trying again (the Retry-After of a TRY_AGAIN answer). */
export const RETRY_AFTER_SECONDS = 1;

/** The SQLSTATE of a database error that a new attempt may well not meet, or null. */
export function transientSqlState(error: unknown): string | null {
  // TypeORM's QueryFailedError copies the driver's fields and keeps the driver's error.
  for (const candidate of [error, (error as { driverError?: unknown } | null)?.driverError]) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string' && code in TRANSIENT) return code;
  }
  return null;
}

/**
 * The one translation of a database race into an error callers understand: TRY_AGAIN (REST
 * 503 with Retry-After, FHIR `transient`, GraphQL `TRY_AGAIN`). Null for any other error.
 * Never carries the database's message (it can quote patient data).
 */
export function tryAgainError(error: unknown): ServiceError | null {
  const state = transientSqlState(error);
  if (!state) return null;
  return new ServiceError(
    ServiceErrorCode.TryAgain,
    `The request lost a race with ${TRANSIENT[state]} and was not applied; try again (SQLSTATE ${state})`,
  );
}

export interface TransactionOptions {
  /** Attempts in all (default 3): the first and up to two retries. */
  attempts?: number;
}

/**
 * Runs `work` in one transaction, and runs the whole transaction again (after a short, random
 * pause) when it fails with a deadlock, a serialization failure or a unique violation from a
 * race, up to `attempts` times in all; then answers TRY_AGAIN. `work` must therefore do
 * nothing outside the transaction that cannot be repeated (it reads what it needs inside).
 * Any other error is thrown at once, untouched.
 */
export async function inTransaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  for (let attempt = 1; ; attempt++) {
    try {
      return await dataSource.transaction(work);
    } catch (error) {
      const busy = tryAgainError(error);
      if (!busy) throw error;
      if (attempt >= attempts) throw busy;
      // Spread the retries of the racing requests apart: 5–25 ms, then 10–50 ms.
      await new Promise((resolve) => setTimeout(resolve, attempt * (5 + Math.random() * 20)));
    }
  }
}
