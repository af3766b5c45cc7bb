import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Role } from '@concord/persistence';

export interface SessionClaims {
  /** User id. */
  sub: string;
  username: string;
  role: Role;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

/**
 * Signed session tokens (HMAC-SHA256 over the claims). Any replica holding the shared
 * secret verifies them without a session store, so API processes keep no state.
 */
export function signToken(claims: SessionClaims, secret: string): string {
  const body = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(body).digest('base64url');
  return `${body}.${signature}`;
}

/** The claims of a genuine, unexpired token; null otherwise. */
export function verifyToken(token: string, secret: string, now = Date.now()): SessionClaims | null {
  const dot = token.indexOf('.');
  if (dot <= 0) return null;
  const body = token.slice(0, dot);
  const given = Buffer.from(token.slice(dot + 1), 'base64url');
  const expected = createHmac('sha256', secret).update(body).digest();
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as SessionClaims;
    if (typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return null;
    return claims;
  } catch {
    return null;
  }
}
