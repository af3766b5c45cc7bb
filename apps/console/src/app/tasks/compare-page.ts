import {
  ChangeDetectionStrategy,
  Component,
  computed,
  effect,
  ElementRef,
  inject,
  input,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { Session } from '../core/auth/session';
import { ApiError } from '../core/graphql/api-error';
import { displayName, displayProbability } from '../shared/format/format';
import { NhsNumberPipe, SexPipe, UkDatePipe } from '../shared/format/format.pipes';
import { LoadState } from '../shared/ui/load-state';
import { StewardApi } from '../queues/data-access/steward-api';
import {
  ComparedRecord,
  Decision,
  FieldComparison,
  queueLabel,
  statusLabel,
  TaskComparison,
} from '../queues/data-access/steward.models';
import { isTyping, WORKING_ROLES } from '../queues/queues-page';
import { decisionErrorMessage } from './decision-errors';
import { TracePanel } from './trace-panel';
import { WaterfallChart } from './waterfall-chart';

type LoadStateKind =
  | { kind: 'forbidden' }
  | { kind: 'loading' }
  | { kind: 'loaded'; comparison: TaskComparison }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

export interface DecisionOption {
  id: Decision;
  label: string;
  key: string;
  help: string;
}

const SAME: DecisionOption = {
  id: 'same',
  label: 'Same person',
  key: 's',
  help: 'Link the record to this person (merge)',
};
const NOT_SAME: DecisionOption = {
  id: 'not-same',
  label: 'Not the same person',
  key: 'd',
  help: 'Keep them apart; never proposed again',
};
const DEFER: DecisionOption = {
  id: 'defer',
  label: 'Defer',
  key: 'f',
  help: 'Come back to it later, with a note',
};
const TRACED: DecisionOption = {
  id: 'traced',
  label: 'Traced',
  key: 't',
  help: 'The number was traced outside Concord',
};

/** The decisions a task in this queue offers. */
export function decisionsFor(queue: string): DecisionOption[] {
  return queue === 'NHS_TRACE' ? [TRACED, DEFER] : [SAME, NOT_SAME, DEFER];
}

/** How a field compares: agreeing evidence adds weight, disagreeing takes it away. */
export function agreement(c: FieldComparison): 'agree' | 'disagree' | 'missing' | 'neutral' {
  if (c.level.includes('missing')) return 'missing';
  if (c.weight > 0) return 'agree';
  if (c.weight < 0) return 'disagree';
  return 'neutral';
}

export const FIELD_LABELS: Record<string, string> = {
  nhsNumber: 'NHS number',
  familyName: 'Family name',
  givenName: 'Given names',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  postcode: 'Postcode',
  addressLine: 'Address',
  phone: 'Phone',
  email: 'Email',
};

@Component({
  selector: 'cc-compare-page',
  imports: [
    FormsModule,
    RouterLink,
    LoadState,
    WaterfallChart,
    TracePanel,
    NhsNumberPipe,
    UkDatePipe,
    SexPipe,
  ],
  templateUrl: './compare-page.html',
  styleUrl: './compare-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
})
export class ComparePage {
  private readonly api = inject(StewardApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  readonly id = input.required<string>();
  readonly reasonBox = viewChild<ElementRef<HTMLTextAreaElement>>('reasonBox');

  readonly state = signal<LoadStateKind>({ kind: 'loading' });
  readonly canWork = computed(() => WORKING_ROLES.includes(this.session.user()?.role ?? ''));
  readonly comparison = computed(() => {
    const s = this.state();
    return s.kind === 'loaded' ? s.comparison : null;
  });
  readonly options = computed(() => decisionsFor(this.comparison()?.task.queue ?? ''));
  /** The task is claimed by the signed-in steward (so they may release it). */
  readonly isMine = computed(() => {
    const task = this.comparison()?.task;
    const me = this.session.user()?.username ?? '';
    const assignee = task?.assignee ?? '';
    return task?.status === 'CLAIMED' && me !== '' && (assignee === me || assignee.endsWith(`:${me}`));
  });
  readonly isOpenForDecision = computed(() => {
    const status = this.comparison()?.task.status;
    return status === 'OPEN' || status === 'DEFERRED' || this.isMine();
  });
  readonly canApprove = computed(() => this.session.user()?.role === 'senior-steward');
  readonly isTrace = computed(() => this.comparison()?.task.queue === 'NHS_TRACE');
  readonly claimBusy = signal(false);
  readonly claimError = signal('');

  readonly decision = signal<Decision | null>(null);
  readonly reason = signal('');
  readonly submitted = signal(false);
  readonly saving = signal(false);
  readonly saveError = signal('');
  readonly outcome = signal('');
  readonly showStandardised = signal(false);

  readonly reasonMissing = computed(() => this.reason().trim().length === 0);

  constructor() {
    effect(() => {
      const id = this.id();
      untracked(() => this.load(id));
    });
  }

  load(id = this.id()): void {
    // What the steward typed stays; only the evidence is fetched again.
    this.state.set({ kind: 'loading' });
    this.api.comparison(id).subscribe({
      next: (comparison) => this.state.set({ kind: 'loaded', comparison }),
      error: (e: unknown) =>
        this.state.set(
          e instanceof ApiError && e.code === 'NOT_FOUND'
            ? { kind: 'missing' }
            : e instanceof ApiError && e.code === 'FORBIDDEN'
              ? { kind: 'forbidden' }
              : {
                  kind: 'error',
                  message: e instanceof ApiError ? e.message : 'The task could not be loaded.',
                },
        ),
    });
  }

  choose(decision: Decision): void {
    this.decision.set(decision);
    this.saveError.set('');
    queueMicrotask(() => this.reasonBox()?.nativeElement.focus());
  }

  submit(): void {
    this.submitted.set(true);
    const comparison = this.comparison();
    const decision = this.decision();
    if (!comparison || !decision || this.reasonMissing() || this.saving()) return;
    this.saving.set(true);
    this.saveError.set('');
    this.api.decide(decision, comparison.task, this.reason().trim()).subscribe({
      next: (result) => {
        const label = this.options().find((o) => o.id === decision)?.label ?? decision;
        const pending =
          result.operation?.status === 'pending-approval' || result.task?.status === 'PENDING_APPROVAL';
        this.outcome.set(
          pending ? `${label}: saved, waiting for a senior steward's approval.` : `${label}: saved.`,
        );
        this.openNext(comparison.task.queue);
      },
      error: (e: unknown) => {
        this.saving.set(false);
        this.saveError.set(decisionErrorMessage(e));
      },
    });
  }

  /** Claims an open task, so no other steward picks it while this one decides. */
  claim(): void {
    const task = this.comparison()?.task;
    if (!task || this.claimBusy()) return;
    this.claimBusy.set(true);
    this.claimError.set('');
    this.api.claim(task.id, task.version).subscribe({
      next: () => {
        this.claimBusy.set(false);
        this.outcome.set('You claimed this task.');
        this.load();
      },
      error: (e: unknown) => {
        this.claimBusy.set(false);
        this.claimError.set(decisionErrorMessage(e));
      },
    });
  }

  /** Gives the task back: open for any steward again, and back to the queues. */
  release(): void {
    const task = this.comparison()?.task;
    if (!task || !this.isMine() || this.claimBusy()) return;
    this.claimBusy.set(true);
    this.claimError.set('');
    this.api.release(task.id, task.version).subscribe({
      next: () => {
        this.claimBusy.set(false);
        void this.router.navigate(['/queues'], {
          state: { message: 'You released the task: it is open for any steward again.' },
        });
      },
      error: (e: unknown) => {
        this.claimBusy.set(false);
        this.claimError.set(decisionErrorMessage(e));
      },
    });
  }

  private openNext(queue: TaskComparison['task']['queue']): void {
    this.api.claimNext(queue).subscribe({
      next: (next) => {
        this.saving.set(false);
        this.resetDecision();
        if (next) void this.router.navigate(['/tasks', next.id]);
        else void this.router.navigate(['/queues']);
      },
      error: () => {
        this.saving.set(false);
        this.resetDecision();
        void this.router.navigate(['/queues']);
      },
    });
  }

  private resetDecision(): void {
    this.decision.set(null);
    this.reason.set('');
    this.submitted.set(false);
  }

  onKey(event: KeyboardEvent): void {
    if (
      event.ctrlKey ||
      event.metaKey ||
      event.altKey ||
      isTyping(event) ||
      !this.canWork() ||
      !this.isOpenForDecision()
    )
      return;
    if (event.key === 'r' && this.isMine()) {
      event.preventDefault();
      this.release();
      return;
    }
    const option = this.options().find((o) => o.key === event.key);
    if (!option) return;
    event.preventDefault();
    this.choose(option.id);
  }

  fieldLabel(field: string): string {
    return FIELD_LABELS[field] ?? field;
  }

  agreement = agreement;
  queueLabel = queueLabel;
  statusLabel = statusLabel;
  probability = displayProbability;

  recordName(r: ComparedRecord): string {
    return displayName(
      r.record.familyName,
      [r.record.givenName, r.record.otherGivenNames].filter(Boolean).join(' ') || null,
    );
  }

  recordsOf(side: TaskComparison['recordSide']) {
    return side.records.map((r) => r.record);
  }

  personName(c: TaskComparison['candidateSide']): string {
    return c.person ? displayName(c.person.golden.familyName, c.person.golden.givenName) : 'No person';
  }

  effectLabel(effect: string): string {
    if (effect === 'cap-at-review') return 'Held for review (never linked automatically)';
    if (effect === 'block') return 'Blocks a link';
    return effect;
  }
}
