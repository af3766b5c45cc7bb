import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { AuthApi, LOGIN_URL, WRONG_CREDENTIALS } from './auth-api';

describe('AuthApi', () => {
  let api: AuthApi;
  let controller: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    api = TestBed.inject(AuthApi);
    controller = TestBed.inject(HttpTestingController);
  });

  afterEach(() => controller.verify());

  it('signs in and returns the user the API names', async () => {
    const result = firstValueFrom(api.login('steward', 'concord-steward'));
    const call = controller.expectOne(LOGIN_URL);
    expect(call.request.body).toEqual({ username: 'steward', password: 'concord-steward' });
    call.flush({ accessToken: 'tok', expiresAt: '2026-11-28T12:00:00Z', role: 'steward', username: 'steward' });
    await expect(result).resolves.toEqual({ username: 'steward', role: 'steward', accessToken: 'tok', expiresAt: '2026-11-28T12:00:00Z' });
  });

  it('falls back to the typed username when the API does not echo it', async () => {
    const result = firstValueFrom(api.login('senior', 'x'));
    controller.expectOne(LOGIN_URL).flush({ accessToken: 'tok', expiresAt: '2026-11-28T12:00:00Z', role: 'senior-steward' });
    await expect(result).resolves.toMatchObject({ username: 'senior', role: 'senior-steward' });
  });

  it('says plainly when the username or password is wrong', async () => {
    const result = firstValueFrom(api.login('steward', 'wrong'));
    controller
      .expectOne(LOGIN_URL)
      .flush({ statusCode: 401, message: 'Invalid username or password' }, { status: 401, statusText: 'Unauthorized' });
    await expect(result).rejects.toMatchObject({ message: WRONG_CREDENTIALS });
  });
});
