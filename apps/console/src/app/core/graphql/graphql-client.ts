import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, throwError } from 'rxjs';
import { Session } from '../auth/session';
import { ApiError, fromGraphqlErrors, fromHttpError, UNAUTHENTICATED } from './api-error';

export const GRAPHQL_URL = '/graphql';

interface GraphqlResponse<T> {
  data?: T | null;
  errors?: readonly { message?: unknown; extensions?: { code?: unknown } }[];
}

/**
 * A small typed GraphQL client over HttpClient: the console needs queries and mutations with
 * variables and error mapping, not a normalised cache.
 */
@Injectable({ providedIn: 'root' })
export class GraphqlClient {
  private readonly http = inject(HttpClient);
  private readonly session = inject(Session);

  request<TData, TVariables extends object = Record<string, never>>(
    document: string,
    variables?: TVariables,
  ): Observable<TData> {
    return this.http.post<GraphqlResponse<TData>>(GRAPHQL_URL, { query: document, variables: variables ?? {} }).pipe(
      map((response) => {
        if (response.errors && response.errors.length > 0) throw fromGraphqlErrors(response.errors);
        if (response.data === undefined || response.data === null) throw new ApiError('INTERNAL_SERVER_ERROR', fromHttpError(null).message);
        return response.data;
      }),
      catchError((error: unknown) => {
        const apiError = fromHttpError(error);
        // GraphQL reports an expired token inside a 200 answer, which the interceptor never sees.
        if (apiError.code === UNAUTHENTICATED && this.session.signedIn()) this.session.end('expired');
        return throwError(() => apiError);
      }),
    );
  }
}
