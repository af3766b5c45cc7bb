import { createPublicKey, KeyObject, verify as verifySignature } from 'node:crypto';
import type { Role } from '@concord/persistence';

/** Signature algorithms an identity provider's tokens may use (never `none`, never HMAC). */
export const OIDC_ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384'] as const;
export type OidcAlgorithm = (typeof OIDC_ALGORITHMS)[number];

const ALGORITHM: Record<OidcAlgorithm, { hash: string; kty: 'RSA' | 'EC'; crv?: string }> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  RS512: { hash: 'sha512', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC', crv: 'P-256' },
  ES384: { hash: 'sha384', kty: 'EC', crv: 'P-384' },
};

/** How tokens of an OpenID Connect provider (e.g. NHS CIS2) are checked and mapped to roles. */
export interface OidcOptions {
  /** Expected `iss`, exactly. */
  issuer: string;
  /** Expected in `aud` (a string or an array). */
  audience: string;
  /** The provider's JSON Web Key Set. */
  jwksUrl: string;
  /** Claim holding the user's roles (a string or an array of strings); dots reach into objects. */
  roleClaim: string;
  /** Claim value → Concord role, in order of precedence: the first value the token holds wins. */
  roleMap: Array<[string, Role]>;
  /** Claim naming the user in the audit ledger (falls back to `sub`). */
  usernameClaim: string;
  /** Accepted `alg` values. */
  algorithms: OidcAlgorithm[];
  /** Leeway for `exp`, `nbf` and `iat` against this server's clock. */
  clockSkewSeconds: number;
  /** How long fetched keys are trusted before the key set is fetched again. */
  jwksCacheSeconds: number;
}

/** What a verified provider token says about its holder. */
export interface OidcIdentity {
  subject: string;
  username: string;
  /** Null when none of the token's role values is mapped: authenticated, but no access. */
  role: Role | null;
}

interface Jwk {
  kty?: string;
  kid?: string;
  alg?: string;
  use?: string;
  crv?: string;
  [member: string]: unknown;
}

interface CachedKey {
  kid: string | undefined;
  alg: string | undefined;
  kty: string;
  crv: string | undefined;
  key: KeyObject;
}

/** The key set is fetched at most this often. */
const UNKNOWN_KID_REFETCH_MS = 10_000;
const FETCH_TIMEOUT_MS = 5_000;

/**
 * Verifies provider-issued JWTs (JWS compact form) with node:crypto against the provider's
 * JWKS, fetched over HTTP and cached briefly: signature with an allowed asymmetric
 * algorithm, then `iss`, `aud`, `exp`, `nbf` and `iat`. Holds only the key cache, so
 * replicas stay interchangeable.
 */
export class OidcVerifier {
  private keys: CachedKey[] = [];
  private fetchedAt = 0;
  private attemptedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly options: OidcOptions,
    private readonly fetchJson: (url: string) => Promise<unknown> = defaultFetchJson,
  ) {}

  get issuer(): string {
    return this.options.issuer;
  }

  /** The identity of a genuine, current token from the provider; null for anything else. */
  async verify(token: string, now = Date.now()): Promise<OidcIdentity | null> {
    const parts = token.split('.');
    if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) return null;
    const header = decodeJson(parts[0]);
    const claims = decodeJson(parts[1]);
    if (!header || !claims) return null;
    const alg = header['alg'];
    if (typeof alg !== 'string' || !(this.options.algorithms as string[]).includes(alg)) return null;
    if (header['crit'] !== undefined) return null;
    const spec = ALGORITHM[alg as OidcAlgorithm];
    const kid = typeof header['kid'] === 'string' ? header['kid'] : undefined;
    const candidates = await this.keysFor(kid, alg, spec, now);
    const data = Buffer.from(`${parts[0]}.${parts[1]}`);
    const signature = Buffer.from(parts[2], 'base64url');
    const genuine = candidates.some((k) =>
      verifySignature(
        spec.hash,
        data,
        spec.kty === 'EC' ? { key: k.key, dsaEncoding: 'ieee-p1363' } : k.key,
        signature,
      ),
    );
    if (!genuine) return null;
    return this.identityOf(claims, now);
  }

  private identityOf(claims: Record<string, unknown>, now: number): OidcIdentity | null {
    const { issuer, audience, clockSkewSeconds } = this.options;
    const seconds = now / 1000;
    if (claims['iss'] !== issuer) return null;
    const aud = claims['aud'];
    const audiences = Array.isArray(aud) ? aud : [aud];
    if (!audiences.includes(audience)) return null;
    const exp = claims['exp'];
    if (typeof exp !== 'number' || exp + clockSkewSeconds <= seconds) return null;
    const nbf = claims['nbf'];
    if (nbf !== undefined && (typeof nbf !== 'number' || nbf - clockSkewSeconds > seconds)) return null;
    const iat = claims['iat'];
    if (iat !== undefined && (typeof iat !== 'number' || iat - clockSkewSeconds > seconds)) return null;
    const sub = claims['sub'];
    if (typeof sub !== 'string' || sub.length === 0 || sub.length > 255) return null;
    const named = claimAt(claims, this.options.usernameClaim);
    const username = (typeof named === 'string' && named.length > 0 ? named : sub).slice(0, 128);
    const value = claimAt(claims, this.options.roleClaim);
    const held = new Set(
      (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string'),
    );
    const role = this.options.roleMap.find(([claimValue]) => held.has(claimValue))?.[1] ?? null;
    return { subject: sub, username, role };
  }

  private async keysFor(
    kid: string | undefined,
    alg: string,
    spec: { kty: string; crv?: string },
    now: number,
  ): Promise<CachedKey[]> {
    const stale = now - this.fetchedAt > this.options.jwksCacheSeconds * 1000;
    let keys = this.matching(kid, alg, spec);
    // A stale set, or a key we do not know (the provider rotated): fetch again, but never
    // more often than every few seconds, so an unreachable provider or a stream of forged
    // key ids cannot turn every request into a fetch.
    if ((stale || keys.length === 0) && now - this.attemptedAt > UNKNOWN_KID_REFETCH_MS) {
      await this.refresh(now);
      keys = this.matching(kid, alg, spec);
    }
    return keys;
  }

  private matching(kid: string | undefined, alg: string, spec: { kty: string; crv?: string }): CachedKey[] {
    return this.keys.filter(
      (k) =>
        (kid === undefined || k.kid === kid) &&
        k.kty === spec.kty &&
        (spec.crv === undefined || k.crv === spec.crv) &&
        (k.alg === undefined || k.alg === alg),
    );
  }

  /** One fetch at a time; a failed fetch keeps the keys already known. */
  private async refresh(now: number): Promise<void> {
    if (!this.inFlight) {
      this.attemptedAt = now;
      this.inFlight = (async () => {
        try {
          const body = (await this.fetchJson(this.options.jwksUrl)) as { keys?: unknown };
          if (!body || !Array.isArray(body.keys)) return;
          this.keys = (body.keys as Jwk[]).flatMap((jwk) => {
            if (jwk.use !== undefined && jwk.use !== 'sig') return [];
            if (jwk.kty !== 'RSA' && jwk.kty !== 'EC') return [];
            try {
              const key = createPublicKey({ key: jwk as never, format: 'jwk' });
              return [{ kid: jwk.kid, alg: jwk.alg, kty: jwk.kty, crv: jwk.crv, key }];
            } catch {
              return [];
            }
          });
          this.fetchedAt = now;
        } catch {
          // Unreachable provider: keep what we had; tokens signed by unknown keys are refused.
        } finally {
          this.inFlight = null;
        }
      })();
    }
    await this.inFlight;
  }
}

async function defaultFetchJson(url: string): Promise<unknown> {
  const response = await fetch(url, {
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
    headers: { accept: 'application/json' },
  });
  if (!response.ok) throw new Error(`JWKS fetch answered ${response.status}`);
  return response.json();
}

function decodeJson(part: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value && typeof value === 'object' && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

/** `a.b.c` into nested objects; a claim whose own name contains dots is found first. */
function claimAt(claims: Record<string, unknown>, path: string): unknown {
  if (path in claims) return claims[path];
  let value: unknown = claims;
  for (const part of path.split('.')) {
    if (!value || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}
