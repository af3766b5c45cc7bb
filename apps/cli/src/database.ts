import { DEFAULT_MODEL } from '@concord/matching';
import { databaseConfigFromEnv, openDatabase, OpenDatabase } from '@concord/persistence';
import { AccessService, RegistrationService } from '@concord/services';

/** The ledger's actor for commands run by an operator at the command line. */
export const CLI_ACTOR = { name: `cli:${process.env['USER'] ?? 'operator'}`, role: 'operator' };

export interface CliServices {
  db: OpenDatabase;
  access: AccessService;
  registration: RegistrationService;
}

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded one under
 * EMPI_DATA_DIR), applies pending migrations, runs `work`, and closes it again. The
 * embedded folder is locked: while `npm start` holds it, commands refuse with a clear message.
 */
export async function withDatabase<T>(work: (services: CliServices) => Promise<T>): Promise<T> {
  const db = await openDatabase(databaseConfigFromEnv());
  try {
    const access = new AccessService(db.dataSource, {
      tokenSecret: process.env['EMPI_TOKEN_SECRET'] || undefined,
      sessionMinutes: 480,
    });
    const registration = new RegistrationService(db.dataSource, () => DEFAULT_MODEL);
    return await work({ db, access, registration });
  } finally {
    await db.close();
  }
}
