import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { App } from './app';
import { Session } from './core/auth/session';

describe('App shell', () => {
  beforeEach(async () => {
    sessionStorage.clear();
    await TestBed.configureTestingModule({ imports: [App], providers: [provideRouter([])] }).compileComponents();
  });

  it('shows no header before sign-in', async () => {
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    expect((fixture.nativeElement as HTMLElement).querySelector('cc-app-header')).toBeNull();
  });

  it('shows who is signed in, their role, and a sign-out button', async () => {
    TestBed.inject(Session).start({ username: 'senior', role: 'senior-steward', accessToken: 't', expiresAt: '2099-01-01T00:00:00Z' });
    const fixture = TestBed.createComponent(App);
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    expect(element.querySelector('[data-testid="signed-in-username"]')?.textContent).toBe('senior');
    expect(element.querySelector('[data-testid="signed-in-role"]')?.textContent).toBe('Senior data steward');
    const end = jest.spyOn(TestBed.inject(Session), 'end').mockImplementation(() => undefined);
    const button = [...element.querySelectorAll('button')].find((b) => b.textContent?.includes('Sign out'));
    button?.click();
    expect(end).toHaveBeenCalledWith('signed-out');
  });
});
