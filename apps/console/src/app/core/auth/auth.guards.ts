import { inject } from '@angular/core';
import { CanActivateFn, Router } from '@angular/router';
import { Session } from './session';

/** Pages with patient data need a signed-in user; others go to sign-in and come back afterwards. */
export const signedInGuard: CanActivateFn = (_route, state) => {
  const session = inject(Session);
  if (session.token() !== null) return true;
  return inject(Router).createUrlTree(['/sign-in'], { queryParams: { returnUrl: state.url } });
};

/** A signed-in user who opens sign-in is already where they want to be: the persons page. */
export const signedOutGuard: CanActivateFn = () => {
  const session = inject(Session);
  if (session.token() === null) return true;
  return inject(Router).createUrlTree(['/persons']);
};

/** Pages for some roles only (approvals: senior stewards); anyone else goes to the persons page. */
export function roleGuard(...roles: string[]): CanActivateFn {
  return () => {
    const session = inject(Session);
    if (roles.includes(session.user()?.role ?? '')) return true;
    return inject(Router).createUrlTree(['/persons']);
  };
}
