import type { MatchModel } from '@concord/matching';
import { databaseConfigFromEnv, openDatabase, OpenDatabase } from '@concord/persistence';
import {
  AccessService,
  configureSurvivorship,
  ModelRegistry,
  RegistrationService,
  survivorshipFromEnv,
} from '@concord/services';

/** The ledger's actor for commands run by an operator at the command line. */
export const CLI_ACTOR = { name: `cli:${process.env['USER'] ?? 'operator'}`, role: 'operator' };

export interface CliServices {
  db: OpenDatabase;
  access: AccessService;
  registration: RegistrationService;
  /** The model every score uses: the database's active version, else the shipped default. */
  model: MatchModel;
}

/**
 * Opens the database the server would use (DATABASE_URL, else the embedded one under
 * EMPI_DATA_DIR), applies pending migrations, runs `work`, and closes it again. The
 * embedded folder is locked: while `npm start` holds it, commands refuse with a clear message.
 * Commands score with the active model version (`empi model activate`), as the API does.
 */
export async function withDatabase<T>(work: (services: CliServices) => Promise<T>): Promise<T> {
  // Golden views follow the same EMPI_SURVIVORSHIP* settings as the API's.
  const problems: string[] = [];
  configureSurvivorship(survivorshipFromEnv(process.env, problems));
  const config = databaseConfigFromEnv(process.env, problems);
  if (problems.length > 0) throw new Error(problems.join('; '));
  const db = await openDatabase(config);
  try {
    const access = new AccessService(db.dataSource, {
      tokenSecret: process.env['EMPI_TOKEN_SECRET'] || undefined,
      sessionMinutes: 480,
    });
    const model = await new ModelRegistry(db.dataSource).refresh();
    const registration = new RegistrationService(db.dataSource, () => model);
    return await work({ db, access, registration, model });
  } finally {
    await db.close();
  }
}
