import { computed, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';

export type Role = 'steward' | 'senior-steward' | 'auditor' | 'admin';

/** Who is signed in, as the API answered the sign-in. */
export interface SignedInUser {
  readonly username: string;
  readonly role: string;
  readonly accessToken: string;
  readonly expiresAt: string;
}

/** Why the console sent someone back to sign-in; shown on the sign-in page. */
export type SignOutReason = 'signed-out' | 'expired';

/** sessionStorage key: one tab, one sign-in, gone when the tab closes (shared workstations). */
export const SESSION_STORAGE_KEY = 'concord.session';

const ROLE_LABELS: Record<string, string> = {
  steward: 'Data steward',
  'senior-steward': 'Senior data steward',
  auditor: 'Auditor',
  admin: 'Administrator',
};

export function roleLabel(role: string): string {
  return ROLE_LABELS[role] ?? role;
}

/**
 * The signed-in user and their access token. Kept in sessionStorage so a reload keeps the
 * steward signed in while closing the tab ends the session.
 */
@Injectable({ providedIn: 'root' })
export class Session {
  private readonly router = inject(Router);
  private readonly current = signal<SignedInUser | null>(readStored());

  readonly user = this.current.asReadonly();
  readonly signedIn = computed(() => this.current() !== null);
  readonly roleLabel = computed(() => {
    const user = this.current();
    return user ? roleLabel(user.role) : '';
  });

  /** The bearer token, or null when nobody is signed in or the token has expired. */
  token(now: Date = new Date()): string | null {
    const user = this.current();
    if (!user) return null;
    if (isExpired(user, now)) {
      this.clear();
      return null;
    }
    return user.accessToken;
  }

  start(user: SignedInUser): void {
    sessionStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(user));
    this.current.set(user);
  }

  /** Ends the session and returns to sign-in, keeping where the steward was for afterwards. */
  end(reason: SignOutReason): void {
    const returnUrl = this.router.url;
    this.clear();
    const queryParams: Record<string, string> = { reason };
    // Only an expired session sends the steward back to where they were; signing out starts afresh.
    if (reason === 'expired' && returnUrl && !returnUrl.startsWith('/sign-in')) queryParams['returnUrl'] = returnUrl;
    void this.router.navigate(['/sign-in'], { queryParams });
  }

  private clear(): void {
    sessionStorage.removeItem(SESSION_STORAGE_KEY);
    this.current.set(null);
  }
}

function isExpired(user: SignedInUser, now: Date): boolean {
  const expires = Date.parse(user.expiresAt);
  return Number.isFinite(expires) && expires <= now.getTime();
}

function readStored(): SignedInUser | null {
  const raw = sessionStorage.getItem(SESSION_STORAGE_KEY);
  if (!raw) return null;
  try {
    const parsed: unknown = JSON.parse(raw);
    if (isSignedInUser(parsed) && !isExpired(parsed, new Date())) return parsed;
  } catch {
    // A damaged entry is the same as no session: the steward signs in again.
  }
  sessionStorage.removeItem(SESSION_STORAGE_KEY);
  return null;
}

function isSignedInUser(value: unknown): value is SignedInUser {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['username'] === 'string' &&
    typeof v['role'] === 'string' &&
    typeof v['accessToken'] === 'string' &&
    typeof v['expiresAt'] === 'string'
  );
}
