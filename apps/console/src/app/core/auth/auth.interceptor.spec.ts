import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from './auth.interceptor';
import { Session } from './session';

describe('authInterceptor', () => {
  let http: HttpClient;
  let controller: HttpTestingController;
  let session: Session;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    controller = TestBed.inject(HttpTestingController);
    session = TestBed.inject(Session);
    session.start({ username: 'steward', role: 'steward', accessToken: 'abc', expiresAt: '2099-01-01T00:00:00Z' });
  });

  afterEach(() => controller.verify());

  it('adds the bearer token to API calls', () => {
    http.post('/graphql', {}).subscribe();
    expect(controller.expectOne('/graphql').request.headers.get('Authorization')).toBe('Bearer abc');
  });

  it('sends the sign-in call without a token', () => {
    http.post('/api/v1/auth/login', {}).subscribe();
    expect(controller.expectOne('/api/v1/auth/login').request.headers.has('Authorization')).toBe(false);
  });

  it('never sends the token to another site', () => {
    http.get('https://example.org/api/thing').subscribe();
    expect(controller.expectOne('https://example.org/api/thing').request.headers.has('Authorization')).toBe(false);
  });

  it('ends the session when the API answers 401', () => {
    const end = jest.spyOn(session, 'end').mockImplementation(() => undefined);
    let failed = false;
    http.get('/api/v1/links').subscribe({ error: () => (failed = true) });
    controller.expectOne('/api/v1/links').flush({ message: 'no' }, { status: 401, statusText: 'Unauthorized' });
    expect(failed).toBe(true);
    expect(end).toHaveBeenCalledWith('expired');
  });

  it('leaves the session alone on other failures', () => {
    const end = jest.spyOn(session, 'end');
    http.get('/api/v1/links').subscribe({ error: () => undefined });
    controller.expectOne('/api/v1/links').flush({ message: 'no' }, { status: 403, statusText: 'Forbidden' });
    expect(end).not.toHaveBeenCalled();
  });
});
