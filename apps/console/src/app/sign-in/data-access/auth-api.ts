import { HttpClient, HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, throwError } from 'rxjs';
import { ApiError, fromHttpError } from '../../core/graphql/api-error';
import { SignedInUser } from '../../core/auth/session';

export const LOGIN_URL = '/api/v1/auth/login';

interface LoginResponse {
  accessToken: string;
  expiresAt: string;
  role: string;
  username?: string;
}

export const WRONG_CREDENTIALS = 'The username or password is not right. Check them and try again.';

@Injectable({ providedIn: 'root' })
export class AuthApi {
  private readonly http = inject(HttpClient);

  login(username: string, password: string): Observable<SignedInUser> {
    return this.http.post<LoginResponse>(LOGIN_URL, { username, password }).pipe(
      // The contract promises accessToken, expiresAt and role; username is a courtesy, so fall back to what was typed.
      map((body) => ({
        username: body.username ?? username,
        role: body.role,
        accessToken: body.accessToken,
        expiresAt: body.expiresAt,
      })),
      catchError((error: unknown) => {
        // 401 here means wrong credentials, not an expired session: say so plainly.
        if (error instanceof HttpErrorResponse && error.status === 401) {
          return throwError(() => new ApiError('UNAUTHENTICATED', WRONG_CREDENTIALS));
        }
        if (error instanceof HttpErrorResponse && error.status === 429) {
          return throwError(() => new ApiError('TOO_MANY_ATTEMPTS', 'Too many attempts. Wait a minute, then try again.'));
        }
        return throwError(() => fromHttpError(error));
      }),
    );
  }
}
