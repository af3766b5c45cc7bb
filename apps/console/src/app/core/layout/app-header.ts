import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { RouterLink, RouterLinkActive } from '@angular/router';
import { Session } from '../auth/session';

@Component({
  selector: 'cc-app-header',
  imports: [RouterLink, RouterLinkActive],
  templateUrl: './app-header.html',
  styleUrl: './app-header.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class AppHeader {
  protected readonly session = inject(Session);
  /** The audit screen is for auditors and administrators only. */
  protected readonly canAudit = computed(() =>
    ['auditor', 'admin'].includes(this.session.user()?.role ?? ''),
  );

  /** Queues and search are for those who work or read tasks (not administrators). */
  protected readonly canReadQueues = computed(() =>
    ['steward', 'senior-steward', 'auditor'].includes(this.session.user()?.role ?? ''),
  );

  /** Four-eyes approvals are for senior stewards only (the API answers the others FORBIDDEN). */
  protected readonly canApprove = computed(() => this.session.user()?.role === 'senior-steward');

  signOut(): void {
    this.session.end('signed-out');
  }
}
