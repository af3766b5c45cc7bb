import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';

/**
 * The loading, empty and error states every screen needs, worded the same way everywhere.
 * Loading is announced politely; errors are announced at once and offer a retry.
 */
@Component({
  selector: 'cc-load-state',
  template: `
    @switch (kind()) {
      @case ('loading') {
        <div class="state state--loading" role="status" aria-live="polite" data-testid="state-loading">
          <span class="spinner" aria-hidden="true"></span>
          <span>{{ message() || 'Loading…' }}</span>
        </div>
      }
      @case ('empty') {
        <div class="state state--empty" role="status" data-testid="state-empty">
          <p class="state__title">{{ title() }}</p>
          @if (message()) {
            <p class="state__body">{{ message() }}</p>
          }
          <ng-content />
        </div>
      }
      @case ('error') {
        <div class="state state--error" role="alert" data-testid="state-error">
          <p class="state__title">{{ title() || 'Something went wrong' }}</p>
          <p class="state__body">{{ message() }}</p>
          <button type="button" class="button button--secondary" (click)="retry.emit()">Try again</button>
        </div>
      }
    }
  `,
  styles: `
    :host {
      display: block;
    }

    .state {
      padding: 32px 24px;
      background: var(--cc-white);
      border: 1px solid var(--cc-grey-border);
      text-align: center;
    }

    .state--loading {
      display: flex;
      align-items: center;
      justify-content: center;
      gap: 12px;
      color: var(--cc-text-secondary);
    }

    .state--error {
      border: 4px solid var(--cc-red);
      text-align: left;
    }

    .state__title {
      margin: 0 0 8px;
      font-size: 1.1875rem;
      font-weight: 700;
    }

    .state__body {
      margin: 0 0 16px;
    }

    .spinner {
      width: 20px;
      height: 20px;
      border: 3px solid var(--cc-grey-border);
      border-top-color: var(--cc-blue);
      border-radius: 50%;
      animation: spin 0.8s linear infinite;
    }

    @keyframes spin {
      to {
        transform: rotate(360deg);
      }
    }

    @media (prefers-reduced-motion: reduce) {
      .spinner {
        animation: none;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LoadState {
  readonly kind = input.required<'loading' | 'empty' | 'error'>();
  readonly title = input('');
  readonly message = input('');
  readonly retry = output();
}
