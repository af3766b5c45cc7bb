import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  inject,
  input,
  signal,
  untracked,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Session } from '../../core/auth/session';
import { ApiError } from '../../core/graphql/api-error';
import { displayProbability } from '../../shared/format/format';
import { NhsNumberPipe, UkDatePipe, UkDateTimePipe } from '../../shared/format/format.pipes';
import { LoadState } from '../../shared/ui/load-state';
import { StewardApi } from '../../queues/data-access/steward-api';
import { queueLabel, TaskComparison } from '../../queues/data-access/steward.models';
import { agreement, FIELD_LABELS } from '../../tasks/compare-page';
import { WaterfallChart } from '../../tasks/waterfall-chart';
import { approvalErrorMessage } from '../data-access/approval-errors';
import { decisionMessage } from '../data-access/approval-messages';
import { ApprovalsApi } from '../data-access/approvals-api';
import { ApprovalVerdict, PendingApproval } from '../data-access/approvals.models';
import { nhsNumbersOf, personLabel } from '../approvals-list/approvals-page';

type State =
  | { kind: 'loading' }
  | { kind: 'gone' }
  | { kind: 'error'; message: string }
  | { kind: 'loaded'; approval: PendingApproval }
  | { kind: 'decided'; approval: PendingApproval };

/** One merge waiting for approval: both persons, the task's evidence, and approve or reject with a reason. */
@Component({
  selector: 'cc-approval-page',
  imports: [FormsModule, RouterLink, LoadState, WaterfallChart, NhsNumberPipe, UkDatePipe, UkDateTimePipe],
  templateUrl: './approval-page.html',
  styleUrl: './approval-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ApprovalPage {
  private readonly approvals = inject(ApprovalsApi);
  private readonly steward = inject(StewardApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  readonly id = input.required<string>();
  readonly state = signal<State>({ kind: 'loading' });
  readonly approval = computed(() => {
    const s = this.state();
    return s.kind === 'loaded' ? s.approval : null;
  });
  /** A merge someone already approved, rejected or undid: what happened, in words. */
  readonly decided = computed(() => {
    const s = this.state();
    if (s.kind !== 'decided') return null;
    const a = s.approval;
    const what =
      a.status === 'applied' ? 'approved and applied' : a.status === 'rejected' ? 'rejected' : a.status;
    const by = a.decidedBy ? ` by ${a.decidedBy}` : '';
    return `This merge is not waiting for approval: it was ${what}${by}.`;
  });
  /** The signed-in senior steward asked for this merge (the service will refuse their approval). */
  readonly isOwn = computed(() => {
    const me = this.session.user()?.username;
    const by = this.approval()?.requestedBy ?? '';
    return !!me && (by === me || by === `user:${me}`);
  });
  readonly comparison = signal<TaskComparison | null>(null);
  readonly comparisonError = signal('');

  readonly verdict = signal<ApprovalVerdict | null>(null);
  readonly reason = signal('');
  readonly submitted = signal(false);
  readonly saving = signal(false);
  readonly saveError = signal('');
  readonly reasonMissing = computed(() => this.reason().trim().length === 0);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  load(id = this.id()): void {
    this.state.set({ kind: 'loading' });
    this.comparison.set(null);
    this.comparisonError.set('');
    this.approvals.operation(id).subscribe({
      next: (approval) => {
        if (!approval) this.state.set({ kind: 'gone' });
        else if (approval.status !== 'pending-approval') this.state.set({ kind: 'decided', approval });
        else {
          this.state.set({ kind: 'loaded', approval });
          if (approval.taskId) this.loadEvidence(approval.taskId);
        }
      },
      error: (e: unknown) =>
        this.state.set({
          kind: 'error',
          message: e instanceof ApiError ? e.message : 'The merge could not be loaded.',
        }),
    });
  }

  loadEvidence(taskId: string): void {
    this.comparisonError.set('');
    this.steward.comparison(taskId).subscribe({
      next: (c) => this.comparison.set(c),
      error: (e: unknown) =>
        this.comparisonError.set(e instanceof ApiError ? e.message : 'The evidence could not be loaded.'),
    });
  }

  submit(): void {
    this.submitted.set(true);
    const approval = this.approval();
    const verdict = this.verdict();
    if (!approval || !verdict || this.reasonMissing() || this.saving()) return;
    this.saving.set(true);
    this.saveError.set('');
    this.approvals.decide(verdict, approval.id, this.reason().trim()).subscribe({
      next: (outcome) => {
        this.saving.set(false);
        const what = `merge of ${personLabel(approval.otherPerson)} into ${personLabel(approval.person)}`;
        void this.router.navigate(['/approvals'], {
          state: { message: decisionMessage(verdict, what, outcome) },
        });
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.saveError.set(approvalErrorMessage(e));
      },
    });
  }

  fieldLabel(field: string): string {
    return FIELD_LABELS[field] ?? field;
  }

  agreement = agreement;
  numbers = nhsNumbersOf;
  name = personLabel;
  queueLabel = queueLabel;
  probability = displayProbability;
}
