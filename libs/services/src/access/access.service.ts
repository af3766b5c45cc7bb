import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  ApiKeyEntity,
  ApiScope,
  AppSettingEntity,
  AppUserEntity,
  preparedQuery,
  Role,
} from '@concord/persistence';
import { invalid, notFound, ServiceError, ServiceErrorCode } from '../errors/service-error';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { hashPassword, verifyPassword } from './passwords';
import { OidcVerifier } from './oidc';
import { SessionClaims, signToken, verifyToken } from './tokens';

export const ROLES: readonly Role[] = ['steward', 'senior-steward', 'auditor', 'admin'];
export const API_SCOPES: readonly ApiScope[] = ['register', 'match', 'links'];

/** Who is acting: a signed-in user or an integrating system's API key. */
export type Principal =
  | { kind: 'user'; id: string; name: string; role: Role }
  | { kind: 'api-key'; id: string; name: string; scopes: ApiScope[] };

/** An API key as listings show it: never the secret, nor its hash. */
export interface ApiKeySummary {
  name: string;
  keyPrefix: string;
  scopes: ApiScope[];
  status: 'active' | 'revoked';
  createdAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
  /** Until when the secret a rotation replaced is still accepted (null: not at all). */
  previousKeyValidUntil: Date | null;
}

/** The longest grace period a rotation may give the replaced secret. */
export const MAX_ROTATION_GRACE_MINUTES = 7 * 24 * 60;

export interface LoginResult {
  accessToken: string;
  expiresAt: string;
  role: Role;
  username: string;
}

const TOKEN_SECRET_SETTING = 'token-secret';
const SYSTEM: AuditActor = { name: 'system', role: 'system' };
const USERNAME = /^[a-z0-9][a-z0-9._-]{1,62}$/;

/** Users, sign-in, session tokens and API keys. */
export class AccessService {
  private secret: string | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: {
      tokenSecret?: string;
      sessionMinutes: number;
      /** Failed sign-ins of one username within the window before sign-in is refused. */
      maxFailedSignIns?: number;
      failedSignInWindowMinutes?: number;
      /** False when users sign in only through the OpenID Connect provider. Default true. */
      localSignIn?: boolean;
      /** Verifier of an OpenID Connect provider's tokens, when one is configured. */
      oidc?: OidcVerifier;
    },
  ) {
    this.secret = options.tokenSecret ?? null;
  }

  /** The token-signing secret: configured, or generated once and shared by every replica via the database. */
  async tokenSecret(): Promise<string> {
    if (this.secret) return this.secret;
    const repo = this.dataSource.getRepository(AppSettingEntity);
    await repo
      .createQueryBuilder()
      .insert()
      .values({ key: TOKEN_SECRET_SETTING, value: randomBytes(32).toString('base64url') })
      .orIgnore()
      .execute();
    const row = await repo.findOneByOrFail({ key: TOKEN_SECRET_SETTING });
    this.secret = row.value;
    return row.value;
  }

  async createUser(
    username: string,
    password: string,
    role: string,
    by: AuditActor = SYSTEM,
  ): Promise<AppUserEntity> {
    if (!USERNAME.test(username))
      throw invalid('username', 'use 2–63 lower-case letters, digits, dots, dashes');
    if (!ROLES.includes(role as Role)) throw invalid('role', `must be one of ${ROLES.join(', ')}`);
    if (password.length < 12) throw invalid('password', 'must be at least 12 characters');
    const repo = this.dataSource.getRepository(AppUserEntity);
    if (await repo.existsBy({ username })) {
      throw new ServiceError(ServiceErrorCode.Conflict, `username: "${username}" already exists`, 'username');
    }
    const passwordHash = await hashPassword(password);
    return this.dataSource.transaction(async (manager) => {
      const user = await manager.save(
        manager.create(AppUserEntity, {
          id: randomUUID(),
          username,
          passwordHash,
          role: role as Role,
          disabledAt: null,
        }),
      );
      await appendAudit(manager, by, [{ action: 'user.created', after: { username, role } }]);
      return user;
    });
  }

  /**
   * Disables a user: their sessions stop at once, on every replica (each request reads the
   * user's row), and they cannot sign in until enabled again.
   */
  async disableUser(username: string, by: AuditActor = SYSTEM, now = new Date()): Promise<AppUserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, username);
      if (user.disabledAt)
        throw new ServiceError(
          ServiceErrorCode.Conflict,
          `username: "${username}" was already disabled at ${user.disabledAt.toISOString()}`,
          'username',
        );
      await manager.update(AppUserEntity, { id: user.id }, { disabledAt: now });
      await appendAudit(manager, by, [
        {
          action: 'user.disabled',
          before: { username, role: user.role },
          after: { username, disabledAt: now.toISOString() },
        },
      ]);
      return Object.assign(user, { disabledAt: now });
    });
  }

  /** Enables a disabled user again (they sign in anew: tokens issued before are refused while disabled). */
  async enableUser(username: string, by: AuditActor = SYSTEM): Promise<AppUserEntity> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, username);
      if (!user.disabledAt)
        throw new ServiceError(
          ServiceErrorCode.Conflict,
          `username: "${username}" is not disabled`,
          'username',
        );
      await manager.update(AppUserEntity, { id: user.id }, { disabledAt: null });
      await appendAudit(manager, by, [
        {
          action: 'user.enabled',
          before: { username, disabledAt: user.disabledAt.toISOString() },
          after: { username, role: user.role },
        },
      ]);
      return Object.assign(user, { disabledAt: null });
    });
  }

  /** Changes a user's role; it holds from their next request, in sessions already open too. */
  async setUserRole(username: string, role: string, by: AuditActor = SYSTEM): Promise<AppUserEntity> {
    if (!ROLES.includes(role as Role)) throw invalid('role', `must be one of ${ROLES.join(', ')}`);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.lockedUser(manager, username);
      if (user.role === role)
        throw new ServiceError(
          ServiceErrorCode.Conflict,
          `role: "${username}" already has the role ${role}`,
          'role',
        );
      await manager.update(AppUserEntity, { id: user.id }, { role: role as Role });
      await appendAudit(manager, by, [
        { action: 'user.role-changed', before: { username, role: user.role }, after: { username, role } },
      ]);
      return Object.assign(user, { role: role as Role });
    });
  }

  private async lockedUser(manager: EntityManager, username: string): Promise<AppUserEntity> {
    if (!username) throw invalid('username', 'is required');
    const user = await manager
      .getRepository(AppUserEntity)
      .findOne({ where: { username }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound(`No user named "${username}"`);
    return user;
  }

  get localSignInEnabled(): boolean {
    return this.options.localSignIn !== false;
  }

  async login(username: string, password: string, now = new Date()): Promise<LoginResult> {
    if (!this.localSignInEnabled) {
      throw new ServiceError(
        ServiceErrorCode.Forbidden,
        `Local sign-in is disabled: sign in with ${this.options.oidc?.issuer ?? 'the identity provider'}`,
      );
    }
    await this.refuseWhenThrottled(username, now);
    const user = await this.dataSource.getRepository(AppUserEntity).findOneBy({ username });
    // Hash even for an unknown user so response time does not reveal which usernames exist.
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH);
    if (!user || !ok || user.disabledAt) {
      await this.dataSource.transaction((manager) =>
        appendAudit(manager, { name: `user:${username.slice(0, 64)}`, role: 'anonymous' }, [
          { action: 'user.sign-in-failed' },
        ]),
      );
      throw new ServiceError(ServiceErrorCode.Unauthenticated, 'Invalid username or password');
    }
    await this.dataSource.transaction((manager) =>
      appendAudit(manager, { name: `user:${user.username}`, role: user.role }, [
        { action: 'user.signed-in' },
      ]),
    );
    const exp = Math.floor(now.getTime() / 1000) + this.options.sessionMinutes * 60;
    const claims: SessionClaims = { sub: user.id, username: user.username, role: user.role, exp };
    return {
      accessToken: signToken(claims, await this.tokenSecret()),
      expiresAt: new Date(exp * 1000).toISOString(),
      role: user.role,
      username: user.username,
    };
  }

  /**
   * Rate limit kept in the database (the audit ledger's failed sign-ins), so it holds
   * across every replica without shared memory.
   */
  private async refuseWhenThrottled(username: string, now: Date): Promise<void> {
    const max = this.options.maxFailedSignIns ?? 5;
    const minutes = this.options.failedSignInWindowMinutes ?? 15;
    const since = new Date(now.getTime() - minutes * 60_000);
    const [{ failures }]: Array<{ failures: number }> = await this.dataSource.query(
      `SELECT count(*)::int AS failures FROM audit_event
        WHERE actor = $1 AND action = 'user.sign-in-failed' AND occurred_at > $2`,
      [`user:${username.slice(0, 64)}`, since],
    );
    if (failures >= max) {
      throw new ServiceError(
        ServiceErrorCode.TooManyRequests,
        `Too many failed sign-ins for this username; try again in ${minutes} minutes`,
      );
    }
  }

  /** Creates a key; the secret is returned once and only its hash is stored. */
  async createApiKey(
    name: string,
    scopes: string[],
    by: AuditActor = SYSTEM,
  ): Promise<{ key: string; entity: ApiKeyEntity }> {
    if (!/^[A-Za-z0-9][A-Za-z0-9 ._-]{0,62}$/.test(name))
      throw invalid('name', 'use 1–63 letters, digits, spaces, dots, dashes');
    const unknown = scopes.filter((s) => !API_SCOPES.includes(s as ApiScope));
    if (scopes.length === 0 || unknown.length > 0) {
      throw invalid(
        'scopes',
        `must be a comma-separated list of ${API_SCOPES.join(', ')}${unknown.length ? ` (unknown: ${unknown.join(', ')})` : ''}`,
      );
    }
    const repo = this.dataSource.getRepository(ApiKeyEntity);
    if (await repo.existsBy({ name }))
      throw new ServiceError(ServiceErrorCode.Conflict, `name: an API key "${name}" already exists`, 'name');
    const key = newApiKeySecret();
    const entity = await this.dataSource.transaction(async (manager) => {
      const saved = await manager.save(
        manager.create(ApiKeyEntity, {
          id: randomUUID(),
          name,
          keyPrefix: key.slice(0, 10),
          keyHash: hashApiKey(key),
          scopes: [...new Set(scopes)] as ApiScope[],
          revokedAt: null,
          rotatedAt: null,
          previousKeyHash: null,
          previousKeyExpiresAt: null,
        }),
      );
      await appendAudit(manager, by, [
        { action: 'api-key.created', after: { name, scopes: saved.scopes, keyPrefix: saved.keyPrefix } },
      ]);
      return saved;
    });
    return { key, entity };
  }

  /** Every API key, by name, with its state (never a secret). */
  async listApiKeys(now = new Date()): Promise<ApiKeySummary[]> {
    const keys = await this.dataSource.getRepository(ApiKeyEntity).find({ order: { name: 'ASC' } });
    return keys.map((k) => ({
      name: k.name,
      keyPrefix: k.keyPrefix,
      scopes: k.scopes,
      status: k.revokedAt ? 'revoked' : 'active',
      createdAt: k.createdAt,
      rotatedAt: k.rotatedAt,
      revokedAt: k.revokedAt,
      previousKeyValidUntil:
        !k.revokedAt && k.previousKeyHash && k.previousKeyExpiresAt && k.previousKeyExpiresAt > now
          ? k.previousKeyExpiresAt
          : null,
    }));
  }

  /**
   * Replaces a key's secret; the new one is returned once. The old secret stops working
   * at once, or (only when asked for) at the end of a grace period, so a system can be
   * reconfigured without an outage. Rotation is audited; no secret enters the ledger.
   */
  async rotateApiKey(
    name: string,
    options: { graceMinutes?: number } = {},
    by: AuditActor = SYSTEM,
    now = new Date(),
  ): Promise<{ key: string; entity: ApiKeyEntity; previousKeyValidUntil: Date | null }> {
    const grace = options.graceMinutes ?? 0;
    if (!Number.isInteger(grace) || grace < 0 || grace > MAX_ROTATION_GRACE_MINUTES)
      throw invalid('graceMinutes', `must be a whole number from 0 to ${MAX_ROTATION_GRACE_MINUTES}`);
    const key = newApiKeySecret();
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.lockedKey(manager, name);
      if (existing.revokedAt)
        throw new ServiceError(
          ServiceErrorCode.Conflict,
          `name: the API key "${name}" is revoked; create a new key instead`,
          'name',
        );
      const validUntil = grace > 0 ? new Date(now.getTime() + grace * 60_000) : null;
      const changes = {
        keyHash: hashApiKey(key),
        keyPrefix: key.slice(0, 10),
        rotatedAt: now,
        previousKeyHash: validUntil ? existing.keyHash : null,
        previousKeyExpiresAt: validUntil,
      };
      await manager.update(ApiKeyEntity, { id: existing.id }, changes);
      await appendAudit(manager, by, [
        {
          action: 'api-key.rotated',
          before: { name, keyPrefix: existing.keyPrefix },
          after: {
            name,
            keyPrefix: changes.keyPrefix,
            previousKeyValidUntil: validUntil ? validUntil.toISOString() : null,
          },
        },
      ]);
      return { key, entity: Object.assign(existing, changes), previousKeyValidUntil: validUntil };
    });
  }

  /** Revokes a key (and any secret a rotation left in its grace period) at once, for good. */
  async revokeApiKey(name: string, by: AuditActor = SYSTEM, now = new Date()): Promise<ApiKeyEntity> {
    return this.dataSource.transaction(async (manager) => {
      const existing = await this.lockedKey(manager, name);
      if (existing.revokedAt)
        throw new ServiceError(
          ServiceErrorCode.Conflict,
          `name: the API key "${name}" was already revoked at ${existing.revokedAt.toISOString()}`,
          'name',
        );
      const changes = { revokedAt: now, previousKeyHash: null, previousKeyExpiresAt: null };
      await manager.update(ApiKeyEntity, { id: existing.id }, changes);
      await appendAudit(manager, by, [
        {
          action: 'api-key.revoked',
          before: { name, keyPrefix: existing.keyPrefix, scopes: existing.scopes },
          after: { name, revokedAt: now.toISOString() },
        },
      ]);
      return Object.assign(existing, changes);
    });
  }

  private async lockedKey(manager: EntityManager, name: string): Promise<ApiKeyEntity> {
    if (!name) throw invalid('name', 'is required');
    const key = await manager
      .getRepository(ApiKeyEntity)
      .findOne({ where: { name }, lock: { mode: 'pessimistic_write' } });
    if (!key) throw notFound(`No API key named "${name}"`);
    return key;
  }

  /**
   * Resolves a bearer credential (API key, provider-issued JWT or session token) to a
   * principal, or null. API keys and the users of session tokens are looked up in the
   * database on every request (one indexed read), never cached, so a revocation, rotation,
   * disabling or role change made through any replica or the CLI holds on every replica
   * from the next request.
   */
  async authenticate(bearer: string, now = new Date()): Promise<Principal | null> {
    if (bearer.startsWith('cnk_')) {
      const hash = hashApiKey(bearer);
      // A prepared statement, no query building: on every API request, TypeORM's query
      // building, entity hydration and the planning cost more CPU than the indexed read.
      const [key]: Array<{ id: string; name: string; scopes: ApiScope[]; revoked_at: Date | null }> =
        await preparedQuery(
          this.dataSource.manager,
          `SELECT id, name, scopes, revoked_at FROM api_key
            WHERE key_hash = $1 OR (previous_key_hash = $1 AND previous_key_expires_at > $2) LIMIT 1`,
          [hash, now],
        );
      if (!key || key.revoked_at) return null;
      return { kind: 'api-key', id: key.id, name: key.name, scopes: key.scopes };
    }
    if (bearer.split('.').length === 3) {
      if (!this.options.oidc) return null;
      const identity = await this.options.oidc.verify(bearer, now.getTime());
      if (!identity) return null;
      if (!identity.role)
        throw new ServiceError(
          ServiceErrorCode.Forbidden,
          'The identity provider grants this user no Concord role',
        );
      return { kind: 'user', id: `oidc:${identity.subject}`, name: identity.username, role: identity.role };
    }
    if (!this.localSignInEnabled) return null;
    const claims = verifyToken(bearer, await this.tokenSecret(), now.getTime());
    if (!claims) return null;
    return this.sessionUser(claims.sub);
  }

  /**
   * The user behind a genuine session token, as the database says now: one read by primary
   * key per request, never cached, so a user disabled or deleted is refused, and a role
   * changed holds, from the next request on every replica. The token's own role and name
   * are not trusted beyond its signature's time.
   */
  private async sessionUser(userId: string): Promise<Principal> {
    const rows: Array<{ username: string; role: Role; disabled_at: Date | null }> = /^[0-9a-f-]{36}$/i.test(
      userId,
    )
      ? await this.dataSource.query('SELECT username, role, disabled_at FROM app_user WHERE id = $1', [
          userId,
        ])
      : [];
    if (rows.length === 0)
      throw new ServiceError(
        ServiceErrorCode.Unauthenticated,
        'The user of this session no longer exists; sign in again',
      );
    const [user] = rows;
    if (user.disabled_at)
      throw new ServiceError(
        ServiceErrorCode.Unauthenticated,
        'This user is disabled: the session has ended; ask an administrator to enable the user',
      );
    return { kind: 'user', id: userId, name: user.username, role: user.role };
  }
}

function newApiKeySecret(): string {
  return `cnk_${randomBytes(32).toString('base64url')}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key).digest('hex');
}

/** A hash of a random password nobody knows, verified against when the username is unknown. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

/** A label for audit trails and link history: `user:steward`, `api-key:RIS-LEEDS`. */
export function actorName(principal: Principal): string {
  return `${principal.kind}:${principal.name}`;
}

/** The ledger's view of a principal: name and role (an API key's role is its scopes). */
export function auditActorOf(principal: Principal, requestId?: string | null): AuditActor {
  return {
    name: actorName(principal),
    role: principal.kind === 'user' ? principal.role : `api-key[${principal.scopes.join(',')}]`,
    requestId: requestId ?? null,
    id: principal.id,
  };
}
