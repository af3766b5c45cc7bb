import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Session, SESSION_STORAGE_KEY, SignedInUser } from './session';

const user: SignedInUser = {
  username: 'steward',
  role: 'steward',
  accessToken: 'token-1',
  expiresAt: '2099-01-01T00:00:00.000Z',
};

describe('Session', () => {
  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
  });

  it('keeps the signed-in user in sessionStorage so a reload stays signed in', () => {
    TestBed.inject(Session).start(user);
    expect(JSON.parse(sessionStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(user);
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({ providers: [provideRouter([])] });
    const reloaded = TestBed.inject(Session);
    expect(reloaded.user()).toEqual(user);
    expect(reloaded.roleLabel()).toBe('Data steward');
  });

  it('treats an expired token as signed out', () => {
    const session = TestBed.inject(Session);
    session.start({ ...user, expiresAt: '2026-01-01T00:00:00.000Z' });
    expect(session.token(new Date('2026-06-01T00:00:00Z'))).toBeNull();
    expect(session.signedIn()).toBe(false);
    expect(sessionStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
  });

  it('ignores a damaged stored session', () => {
    sessionStorage.setItem(SESSION_STORAGE_KEY, '{not json');
    expect(TestBed.inject(Session).user()).toBeNull();
  });

  it('returns to sign-in on expiry, remembering where the steward was', async () => {
    const session = TestBed.inject(Session);
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'url', 'get').mockReturnValue('/persons/p-1');
    session.start(user);
    session.end('expired');
    expect(session.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { reason: 'expired', returnUrl: '/persons/p-1' } });
  });

  it('starts afresh after signing out', () => {
    const session = TestBed.inject(Session);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    session.start(user);
    session.end('signed-out');
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { reason: 'signed-out' } });
  });
});
