import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { RouterOutlet } from '@angular/router';
import { Session } from './core/auth/session';
import { AppHeader } from './core/layout/app-header';

/** The shell: a header for signed-in users above whichever page the router shows. */
@Component({
  selector: 'cc-root',
  imports: [RouterOutlet, AppHeader],
  template: `
    <a class="skip-link" href="#main-content">Skip to main content</a>
    @if (session.signedIn()) {
      <cc-app-header />
    }
    <router-outlet />
  `,
  styles: `
    :host {
      display: block;
      min-height: 100vh;
    }

    .skip-link {
      position: absolute;
      left: -9999px;
      top: 0;
      z-index: 10;
      padding: 8px 12px;
    }

    .skip-link:focus-visible {
      left: 8px;
      top: 8px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class App {
  protected readonly session = inject(Session);
}
