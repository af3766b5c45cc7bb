import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { Router } from '@angular/router';
import { Session, SignOutReason } from '../core/auth/session';
import { ApiError } from '../core/graphql/api-error';
import { AuthApi } from './data-access/auth-api';

const NOTICES: Record<SignOutReason, string> = {
  'signed-out': 'You have signed out.',
  expired: 'Your session has ended. Please sign in again.',
};

/** Only same-site paths are followed after sign-in, so a crafted link cannot send a steward elsewhere. */
function safeReturnUrl(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/sign-in') ? url : '/persons';
}

@Component({
  selector: 'cc-sign-in-page',
  imports: [ReactiveFormsModule],
  templateUrl: './sign-in-page.html',
  styleUrl: './sign-in-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignInPage {
  private readonly authApi = inject(AuthApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);

  /** Bound from the query string by the router. */
  readonly reason = input<string>();
  readonly returnUrl = input<string>();

  readonly form = new FormGroup({
    username: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
    password: new FormControl('', { nonNullable: true, validators: [Validators.required] }),
  });

  readonly submitting = signal(false);
  readonly error = signal<string | null>(null);
  readonly submitted = signal(false);
  readonly notice = computed(() => {
    const reason = this.reason();
    return reason === 'signed-out' || reason === 'expired' ? NOTICES[reason] : null;
  });

  submit(): void {
    this.submitted.set(true);
    if (this.submitting()) return;
    if (this.form.invalid) {
      this.error.set('Enter your username and password.');
      return;
    }
    const { username, password } = this.form.getRawValue();
    this.submitting.set(true);
    this.error.set(null);
    this.authApi.login(username.trim(), password).subscribe({
      next: (user) => {
        this.session.start(user);
        void this.router.navigateByUrl(safeReturnUrl(this.returnUrl()));
      },
      error: (error: unknown) => {
        this.submitting.set(false);
        // The password is cleared for the retry; the summary already explains, so no "enter your password" too.
        this.submitted.set(false);
        this.form.controls.password.reset();
        this.error.set(error instanceof ApiError ? error.message : 'Sign-in failed. Try again.');
      },
    });
  }

  fieldMissing(name: 'username' | 'password'): boolean {
    return this.submitted() && this.form.controls[name].invalid;
  }
}
