import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { ApiError } from '../../core/graphql/api-error';
import { displayName } from '../../shared/format/format';
import { NhsNumberPipe, UkDatePipe, UkDateTimePipe } from '../../shared/format/format.pipes';
import { LoadState } from '../../shared/ui/load-state';
import { queueLabel } from '../../queues/data-access/steward.models';
import { ApprovalsApi } from '../data-access/approvals-api';
import { ApprovalPerson, PendingApproval } from '../data-access/approvals.models';

/** The NHS numbers a person's records hold, each once (the reason a merge waits is often here). */
export function nhsNumbersOf(person: ApprovalPerson | null): string[] {
  if (!person) return [];
  return [...new Set(person.records.map((r) => r.nhsNumber).filter((n): n is string => !!n))];
}

export function personLabel(person: ApprovalPerson | null): string {
  return person ? displayName(person.golden.familyName, person.golden.givenName) : 'Unknown person';
}

/** Merges a steward asked for that wait for a second, senior steward (four-eyes rule). */
@Component({
  selector: 'cc-approvals-page',
  imports: [RouterLink, LoadState, NhsNumberPipe, UkDatePipe, UkDateTimePipe],
  templateUrl: './approvals-page.html',
  styleUrl: './approvals-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalsPage {
  private readonly api = inject(ApprovalsApi);

  readonly approvals = signal<PendingApproval[] | null>(null);
  readonly error = signal('');
  /** What the last approval or rejection did (set by the detail page when it comes back here). */
  readonly message = signal<string>(readMessage());

  constructor() {
    this.load();
  }

  load(): void {
    this.error.set('');
    this.approvals.set(null);
    this.api.pending().subscribe({
      next: (list) => this.approvals.set(list),
      error: (e: unknown) =>
        this.error.set(
          e instanceof ApiError ? e.message : 'Concord had a problem answering. Try again in a moment.',
        ),
    });
  }

  numbers = nhsNumbersOf;
  name = personLabel;
  queueLabel = queueLabel;
}

function readMessage(): string {
  const state: unknown = typeof history === 'undefined' ? null : history.state;
  const message =
    typeof state === 'object' && state !== null ? (state as { message?: unknown }).message : undefined;
  return typeof message === 'string' ? message : '';
}
