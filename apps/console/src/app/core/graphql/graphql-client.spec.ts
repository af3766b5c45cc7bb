import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { firstValueFrom } from 'rxjs';
import { Session } from '../auth/session';
import { ApiError } from './api-error';
import { GraphqlClient } from './graphql-client';

describe('GraphqlClient', () => {
  let client: GraphqlClient;
  let controller: HttpTestingController;
  let session: Session;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([]), provideHttpClient(), provideHttpClientTesting()] });
    client = TestBed.inject(GraphqlClient);
    controller = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
  });

  afterEach(() => controller.verify());

  it('posts the document and variables to /graphql and returns data', async () => {
    const result = firstValueFrom(client.request<{ me: { username: string } }, { x: number }>('query { me { username } }', { x: 1 }));
    const call = controller.expectOne('/graphql');
    expect(call.request.method).toBe('POST');
    expect(call.request.body).toEqual({ query: 'query { me { username } }', variables: { x: 1 } });
    call.flush({ data: { me: { username: 'steward' } } });
    await expect(result).resolves.toEqual({ me: { username: 'steward' } });
  });

  it('turns UNAUTHENTICATED into a sign-in prompt and ends the session', async () => {
    session.start({ username: 'steward', role: 'steward', accessToken: 't', expiresAt: '2099-01-01T00:00:00Z' });
    const end = jest.spyOn(session, 'end').mockImplementation(() => undefined);
    const result = firstValueFrom(client.request('query { me { username } }'));
    controller.expectOne('/graphql').flush({ data: null, errors: [{ message: 'Unauthorized', extensions: { code: 'UNAUTHENTICATED' } }] });
    await expect(result).rejects.toEqual(new ApiError('UNAUTHENTICATED', 'Your session has ended. Please sign in again.'));
    expect(end).toHaveBeenCalledWith('expired');
  });

  it('explains a forbidden action in terms of roles', async () => {
    const result = firstValueFrom(client.request('mutation { x }'));
    controller.expectOne('/graphql').flush({ errors: [{ message: 'Forbidden resource', extensions: { code: 'FORBIDDEN' } }] });
    await expect(result).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('role') });
  });

  it('keeps the server wording for bad input, which names the field', async () => {
    const result = firstValueFrom(client.request('query { x }'));
    controller
      .expectOne('/graphql')
      .flush({ errors: [{ message: 'first must be at most 100', extensions: { code: 'BAD_USER_INPUT' } }] }, { status: 400, statusText: 'Bad Request' });
    await expect(result).rejects.toMatchObject({ code: 'BAD_USER_INPUT', message: 'first must be at most 100' });
  });

  it('says the server cannot be reached when the network fails', async () => {
    const result = firstValueFrom(client.request('query { x }'));
    controller.expectOne('/graphql').error(new ProgressEvent('error'), { status: 0, statusText: '' });
    await expect(result).rejects.toMatchObject({ code: 'NETWORK_ERROR', message: expect.stringContaining('cannot be reached') });
  });

  it('hides internal errors behind a plain message', async () => {
    const result = firstValueFrom(client.request('query { x }'));
    controller.expectOne('/graphql').flush({ errors: [{ message: 'relation "person" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    await expect(result).rejects.toMatchObject({ message: expect.stringContaining('Concord had a problem') });
  });
});
