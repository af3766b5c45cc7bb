import { HttpErrorResponse, HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { catchError, throwError } from 'rxjs';
import { Session } from './session';

/** The sign-in call itself must go out without a (possibly stale) token. */
const LOGIN_PATH = '/api/v1/auth/login';

function isApiRequest(url: string): boolean {
  // Same-origin only: the console is served by the API, so relative URLs are the API's.
  return url.startsWith('/api/') || url.startsWith('/graphql');
}

/**
 * Adds the bearer token to every API call and, when the API answers 401, ends the session
 * so the steward is asked to sign in again instead of staring at a broken page.
 */
export const authInterceptor: HttpInterceptorFn = (request, next) => {
  if (!isApiRequest(request.url) || request.url.startsWith(LOGIN_PATH)) return next(request);
  const session = inject(Session);
  const token = session.token();
  const authorised = token ? request.clone({ setHeaders: { Authorization: `Bearer ${token}` } }) : request;
  return next(authorised).pipe(
    catchError((error: unknown) => {
      if (error instanceof HttpErrorResponse && error.status === 401) session.end('expired');
      return throwError(() => error);
    }),
  );
};
