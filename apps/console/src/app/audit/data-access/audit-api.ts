import { HttpErrorResponse } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { Session } from '../../core/auth/session';
import { ApiError, fromHttpError, messageFor, NETWORK_ERROR, UNAUTHENTICATED } from '../../core/graphql/api-error';
import { GraphqlClient } from '../../core/graphql/graphql-client';
import { exportQuery } from './audit-filter';
import { AuditEventPage, AuditExportFormat, AuditFilter } from './audit.models';

export const AUDIT_EVENTS_QUERY = `
  query AuditEvents($filter: AuditEventFilterInput, $first: Int, $after: String) {
    auditEvents(filter: $filter, first: $first, after: $after) {
      nodes { seq occurredAt actor actorRole action personIds recordIds reason requestId }
      pageInfo { endCursor hasNextPage }
    }
  }
`;

export const AUDIT_EXPORT_URL = '/api/v1/audit/export';

/** Reads the audit ledger over GraphQL and downloads exports over REST. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly graphql = inject(GraphqlClient);
  private readonly session = inject(Session);

  list(filter: AuditFilter, first: number, after: string | null): Observable<AuditEventPage> {
    return this.graphql
      .request<{ auditEvents: AuditEventPage }, { filter: AuditFilter; first: number; after: string | null }>(
        AUDIT_EVENTS_QUERY,
        { filter, first, after },
      )
      .pipe(map((data) => data.auditEvents));
  }

  /**
   * The export for the filter as a file. A fetch with the bearer token rather than a link:
   * the route needs the Authorization header, which a plain download cannot send.
   */
  async export(format: AuditExportFormat, filter: AuditFilter): Promise<{ blob: Blob; filename: string }> {
    const token = this.session.token();
    if (!token) {
      this.session.end('expired');
      throw new ApiError(UNAUTHENTICATED, messageFor(UNAUTHENTICATED));
    }
    let response: Response;
    try {
      response = await fetch(`${AUDIT_EXPORT_URL}?${exportQuery(format, filter)}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
    } catch {
      throw new ApiError(NETWORK_ERROR, messageFor(NETWORK_ERROR));
    }
    if (!response.ok) {
      if (response.status === 401) this.session.end('expired');
      let body: unknown = null;
      try {
        body = await response.json();
      } catch {
        // Not JSON: the status alone says what went wrong.
      }
      throw fromHttpError(new HttpErrorResponse({ status: response.status, error: body }));
    }
    const blob = await response.blob();
    return { blob, filename: `concord-audit-${new Date().toISOString().slice(0, 10)}.${format}` };
  }
}
