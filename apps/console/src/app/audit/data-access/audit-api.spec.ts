import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Session } from '../../core/auth/session';
import { AUDIT_EVENTS_QUERY, AuditApi } from './audit-api';

describe('AuditApi', () => {
  let api: AuditApi;
  let controller: HttpTestingController;
  const realFetch = globalThis.fetch;
  /** The parts of a fetch Response the export reads (jsdom has no Response). */
  const response = (status: number, body: unknown, blob = new Blob([])) => ({
    ok: status >= 200 && status < 300,
    status,
    json: async () => {
      if (typeof body !== 'object' || body === null) throw new SyntaxError('not JSON');
      return body;
    },
    blob: async () => blob,
  });

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuditApi);
    controller = TestBed.inject(HttpTestingController);
    TestBed.inject(Session).start({
      username: 'auditor',
      role: 'auditor',
      accessToken: 'tok-1',
      expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
    });
  });

  afterEach(() => {
    controller.verify();
    globalThis.fetch = realFetch;
  });

  it('lists a page of events with the filter and cursor as variables', async () => {
    const result = firstValueFrom(api.list({ action: 'person.merged' }, 50, 'c1'));
    const call = controller.expectOne('/graphql');
    expect(call.request.body.query).toBe(AUDIT_EVENTS_QUERY);
    expect(call.request.body.variables).toEqual({ filter: { action: 'person.merged' }, first: 50, after: 'c1' });
    call.flush({ data: { auditEvents: { nodes: [], pageInfo: { endCursor: null, hasNextPage: false } } } });
    await expect(result).resolves.toEqual({ nodes: [], pageInfo: { endCursor: null, hasNextPage: false } });
  });

  it('downloads the export with the bearer token', async () => {
    const file = new Blob(['{"seq":"1"}\n']);
    const fetchMock = jest.fn().mockResolvedValue(response(200, null, file));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const { blob, filename } = await api.export('ndjson', { personId: 'p1' });
    expect(fetchMock).toHaveBeenCalledWith('/api/v1/audit/export?format=ndjson&person=p1', {
      headers: { Authorization: 'Bearer tok-1' },
    });
    expect(blob).toBe(file);
    expect(filename).toMatch(/^concord-audit-\d{4}-\d{2}-\d{2}\.ndjson$/);
  });

  it('explains a refused export in words', async () => {
    globalThis.fetch = jest.fn().mockResolvedValue(
      response(400, { message: 'from: must be an ISO 8601 date' }),
    ) as unknown as typeof fetch;
    await expect(api.export('csv', {})).rejects.toThrow('from: must be an ISO 8601 date');
    globalThis.fetch = jest.fn().mockResolvedValue(response(403, null)) as unknown as typeof fetch;
    await expect(api.export('csv', {})).rejects.toThrow(/role does not allow/);
  });
});
