import { resolve } from 'node:path';
import { databaseConfigFromEnv, DatabaseConfig } from '@concord/persistence';

/** Every setting of the server, read and checked once at start-up. */
export interface AppConfig {
  port: number;
  production: boolean;
  database: DatabaseConfig;
  /** Secret that signs session tokens; absent = generated once and kept in the database. */
  tokenSecret?: string;
  sessionMinutes: number;
  /** Failed sign-ins of one username within the window before sign-in is refused (429). */
  maxFailedSignIns: number;
  failedSignInWindowMinutes: number;
  /** Origins allowed to call the API from a browser (the console itself is same-origin). */
  corsOrigins: string[];
  bodyLimit: string;
  /** Seed demo users, key and population on first start. */
  seedDemo: boolean;
  demoRecordsCsv: string;
  /** Folder with the built console; served at `/`. */
  consoleDir: string;
}

/** Raised with every problem found, each naming its variable. */
export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env, root = process.cwd()): AppConfig {
  const problems: string[] = [];
  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be a whole number from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };
  const database = databaseConfigFromEnv(env);
  if (database.url && !/^postgres(ql)?:\/\//.test(database.url)) {
    problems.push('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const tokenSecret = env['EMPI_TOKEN_SECRET'] || undefined;
  if (tokenSecret !== undefined && tokenSecret.length < 32)
    problems.push('EMPI_TOKEN_SECRET must be at least 32 characters');
  const bodyLimit = env['EMPI_BODY_LIMIT'] || '100kb';
  if (!/^\d+(kb|mb)$/i.test(bodyLimit))
    problems.push(`EMPI_BODY_LIMIT must look like 100kb or 1mb (got "${bodyLimit}")`);
  const production = env['NODE_ENV'] === 'production';
  const config: AppConfig = {
    port: int('PORT', 3000, 1, 65535),
    production,
    database,
    tokenSecret,
    sessionMinutes: int('EMPI_SESSION_MINUTES', 480, 5, 24 * 60),
    maxFailedSignIns: int('EMPI_SIGNIN_MAX_FAILURES', 5, 1, 1000),
    failedSignInWindowMinutes: int('EMPI_SIGNIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    corsOrigins: (env['EMPI_CORS_ORIGINS'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit,
    seedDemo: bool('EMPI_SEED_DEMO', !database.url && !production),
    demoRecordsCsv: env['EMPI_DEMO_RECORDS'] || resolve(root, 'data-fixtures/populations/demo/records.csv'),
    consoleDir: env['EMPI_CONSOLE_DIR'] || resolve(root, 'dist/apps/console/browser'),
  };
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}
