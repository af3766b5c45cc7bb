import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { Observable, of, throwError } from 'rxjs';
import { Session, SignedInUser } from '../core/auth/session';
import { ApiError } from '../core/graphql/api-error';
import { AuthApi, WRONG_CREDENTIALS } from './data-access/auth-api';
import { SignInPage } from './sign-in-page';

const user: SignedInUser = { username: 'steward', role: 'steward', accessToken: 't', expiresAt: '2099-01-01T00:00:00Z' };

describe('SignInPage', () => {
  let fixture: ComponentFixture<SignInPage>;
  let login: jest.Mock<Observable<SignedInUser>, [string, string]>;
  let element: HTMLElement;

  beforeEach(async () => {
    sessionStorage.clear();
    login = jest.fn();
    await TestBed.configureTestingModule({
      imports: [SignInPage],
      providers: [provideRouter([]), { provide: AuthApi, useValue: { login } }],
    }).compileComponents();
    fixture = TestBed.createComponent(SignInPage);
    element = fixture.nativeElement as HTMLElement;
    await fixture.whenStable();
  });

  function type(id: string, value: string): void {
    const input = element.querySelector<HTMLInputElement>(`#${id}`);
    if (!input) throw new Error(`no #${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
  }

  async function submit(): Promise<void> {
    element.querySelector('form')?.dispatchEvent(new Event('submit'));
    await fixture.whenStable();
  }

  it('labels both inputs', () => {
    expect(element.querySelector('label[for="username"]')?.textContent).toContain('Username');
    expect(element.querySelector('label[for="password"]')?.textContent).toContain('Password');
  });

  it('asks for both fields before calling the API', async () => {
    await submit();
    expect(login).not.toHaveBeenCalled();
    expect(element.textContent).toContain('Enter your username');
    expect(element.textContent).toContain('Enter your password');
  });

  it('shows the error and clears the password when sign-in fails', async () => {
    login.mockReturnValue(throwError(() => new ApiError('UNAUTHENTICATED', WRONG_CREDENTIALS)));
    type('username', 'steward');
    type('password', 'wrong');
    await submit();
    expect(login).toHaveBeenCalledWith('steward', 'wrong');
    expect(element.querySelector('[role="alert"]')?.textContent).toContain(WRONG_CREDENTIALS);
    expect(element.querySelector<HTMLInputElement>('#password')?.value).toBe('');
    // One clear message, not a second "Enter your password" for the field the page just emptied.
    expect(element.textContent).not.toContain('Enter your password');
  });

  it('starts the session and goes to the persons page', async () => {
    login.mockReturnValue(of(user));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    type('username', ' steward ');
    type('password', 'concord-steward');
    await submit();
    expect(login).toHaveBeenCalledWith('steward', 'concord-steward');
    expect(TestBed.inject(Session).user()).toEqual(user);
    expect(navigate).toHaveBeenCalledWith('/persons');
  });

  it('never follows a return address to another site', async () => {
    login.mockReturnValue(of(user));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '//evil.example');
    type('username', 'steward');
    type('password', 'p');
    await submit();
    expect(navigate).toHaveBeenCalledWith('/persons');
  });

  it('returns to the page the steward was on when the session expired', async () => {
    login.mockReturnValue(of(user));
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture.componentRef.setInput('returnUrl', '/persons/p-7');
    type('username', 'steward');
    type('password', 'p');
    await submit();
    expect(navigate).toHaveBeenCalledWith('/persons/p-7');
  });

  it('explains why the steward is back at sign-in', async () => {
    fixture.componentRef.setInput('reason', 'expired');
    await fixture.whenStable();
    expect(element.querySelector('[role="status"]')?.textContent).toContain('Your session has ended');
  });
});
