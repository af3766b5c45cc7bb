import { resolve } from 'node:path';
import { databaseConfigFromEnv, DatabaseConfig, Role } from '@concord/persistence';
import {
  OIDC_ALGORITHMS,
  OidcAlgorithm,
  OidcOptions,
  ROLES,
  SurvivorshipPolicy,
  survivorshipFromEnv,
} from '@concord/services';

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
  /** Username and password sign-in (`POST /api/v1/auth/login`) and its session tokens. */
  localSignIn: boolean;
  /** An OpenID Connect provider (e.g. NHS CIS2) whose tokens the API accepts. */
  oidc?: OidcOptions;
  /** Origins allowed to call the API from a browser (the console itself is same-origin). */
  corsOrigins: string[];
  bodyLimit: string;
  /** Seed demo users, key and population on first start. */
  seedDemo: boolean;
  demoRecordsCsv: string;
  /** Folder with the built console; served at `/`. */
  consoleDir: string;
  /** Minutes a steward's claim holds a task before another steward may take it. */
  stewardLeaseMinutes: number;
  /** Merges that need a second (senior) steward: off, different-nhs (default) or always. */
  fourEyes: 'off' | 'different-nhs' | 'always';
  /** Records needed before learned term frequencies adjust name and postcode weights. */
  termFrequencyMinRecords: number;
  /** Hours after which a replica recounts the term frequencies (0: only on demand). */
  termFrequencyRefreshHours: number;
  /** How golden views choose their values (recorded in each view). */
  survivorship: SurvivorshipPolicy;
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
  const database = databaseConfigFromEnv(env, problems);
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
  const fourEyes = env['EMPI_FOUR_EYES'] || 'different-nhs';
  if (!['off', 'different-nhs', 'always'].includes(fourEyes))
    problems.push(`EMPI_FOUR_EYES must be off, different-nhs or always (got "${fourEyes}")`);
  const oidc = oidcConfig(env, problems, int);
  const localSignIn = bool('EMPI_LOCAL_SIGNIN', true);
  if (!localSignIn && !oidc)
    problems.push(
      'EMPI_LOCAL_SIGNIN=false needs an identity provider (EMPI_OIDC_ISSUER and the other EMPI_OIDC_* settings)',
    );
  const config: AppConfig = {
    port: int('PORT', 3000, 1, 65535),
    production,
    database,
    tokenSecret,
    sessionMinutes: int('EMPI_SESSION_MINUTES', 480, 5, 24 * 60),
    maxFailedSignIns: int('EMPI_SIGNIN_MAX_FAILURES', 5, 1, 1000),
    failedSignInWindowMinutes: int('EMPI_SIGNIN_WINDOW_MINUTES', 15, 1, 24 * 60),
    localSignIn,
    oidc,
    corsOrigins: (env['EMPI_CORS_ORIGINS'] ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    bodyLimit,
    seedDemo: bool('EMPI_SEED_DEMO', !database.url && !production),
    demoRecordsCsv: env['EMPI_DEMO_RECORDS'] || resolve(root, 'data-fixtures/populations/demo/records.csv'),
    consoleDir: env['EMPI_CONSOLE_DIR'] || resolve(root, 'dist/apps/console/browser'),
    stewardLeaseMinutes: int('EMPI_STEWARD_LEASE_MINUTES', 15, 1, 24 * 60),
    fourEyes: fourEyes as AppConfig['fourEyes'],
    termFrequencyMinRecords: int('EMPI_TF_MIN_RECORDS', 10_000, 1, 1_000_000_000),
    termFrequencyRefreshHours: int('EMPI_TF_REFRESH_HOURS', 24, 0, 24 * 365),
    survivorship: survivorshipFromEnv(env, problems),
  };
  if (problems.length > 0) throw new ConfigError(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
  return config;
}

/**
 * The identity provider's settings: all of issuer, audience, JWKS URL and role mapping, or
 * none (then only local sign-in and API keys). URLs must be https (http only on loopback).
 */
function oidcConfig(
  env: NodeJS.ProcessEnv,
  problems: string[],
  int: (name: string, fallback: number, min: number, max: number) => number,
): OidcOptions | undefined {
  const set = Object.keys(env).filter((k) => k.startsWith('EMPI_OIDC_') && env[k]);
  const issuer = env['EMPI_OIDC_ISSUER'];
  if (!issuer) {
    if (set.length > 0) problems.push(`EMPI_OIDC_ISSUER is required when ${set.sort().join(', ')} is set`);
    return undefined;
  }
  const url = (name: string): string => {
    const raw = env[name];
    if (!raw) {
      problems.push(`${name} is required when EMPI_OIDC_ISSUER is set`);
      return '';
    }
    let parsed: URL;
    try {
      parsed = new URL(raw);
    } catch {
      problems.push(`${name} must be a URL (got "${raw}")`);
      return raw;
    }
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
    if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
      problems.push(`${name} must be an https:// URL (http:// only on localhost)`);
    return raw;
  };
  url('EMPI_OIDC_ISSUER');
  const jwksUrl = url('EMPI_OIDC_JWKS_URL');
  const audience = env['EMPI_OIDC_AUDIENCE'] ?? '';
  if (!audience) problems.push('EMPI_OIDC_AUDIENCE is required when EMPI_OIDC_ISSUER is set');
  const roleMap: Array<[string, Role]> = [];
  const rawMap = env['EMPI_OIDC_ROLE_MAP'] ?? '';
  if (!rawMap.trim()) problems.push('EMPI_OIDC_ROLE_MAP is required when EMPI_OIDC_ISSUER is set');
  for (const entry of rawMap
    .split(',')
    .map((e) => e.trim())
    .filter(Boolean)) {
    const eq = entry.lastIndexOf('=');
    const value = entry.slice(0, eq).trim();
    const role = entry.slice(eq + 1).trim();
    if (eq <= 0 || !value) {
      problems.push(`EMPI_OIDC_ROLE_MAP entries look like claim-value=role (got "${entry}")`);
    } else if (!ROLES.includes(role as Role)) {
      problems.push(`EMPI_OIDC_ROLE_MAP: "${role}" is not a role (use ${ROLES.join(', ')})`);
    } else if (roleMap.some(([v]) => v === value)) {
      problems.push(`EMPI_OIDC_ROLE_MAP maps "${value}" twice`);
    } else {
      roleMap.push([value, role as Role]);
    }
  }
  const algorithms = (env['EMPI_OIDC_ALGORITHMS'] || 'RS256,ES256')
    .split(',')
    .map((a) => a.trim())
    .filter(Boolean);
  const unknown = algorithms.filter((a) => !(OIDC_ALGORITHMS as readonly string[]).includes(a));
  if (unknown.length > 0 || algorithms.length === 0)
    problems.push(
      `EMPI_OIDC_ALGORITHMS must list some of ${OIDC_ALGORITHMS.join(', ')} (got "${unknown.join(',')}")`,
    );
  return {
    issuer,
    audience,
    jwksUrl,
    roleClaim: env['EMPI_OIDC_ROLE_CLAIM'] || 'roles',
    roleMap,
    usernameClaim: env['EMPI_OIDC_USERNAME_CLAIM'] || 'sub',
    algorithms: algorithms as OidcAlgorithm[],
    clockSkewSeconds: int('EMPI_OIDC_CLOCK_SKEW_SECONDS', 60, 0, 300),
    jwksCacheSeconds: int('EMPI_OIDC_JWKS_CACHE_SECONDS', 300, 0, 3600),
  };
}
