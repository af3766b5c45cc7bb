import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { Router, RouterLink } from '@angular/router';
import { Session } from '../../core/auth/session';
import { StewardApi } from '../../queues/data-access/steward-api';
import { PersonHistory, StewardOperation } from '../../queues/data-access/steward.models';
import { catchError, map, of, startWith, switchMap } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { displayName, displayProbability, displayScore } from '../../shared/format/format';
import { NhsNumberPipe, SexPipe, UkDatePipe, UkDateTimePipe } from '../../shared/format/format.pipes';
import { LoadState } from '../../shared/ui/load-state';
import { PersonsApi } from '../data-access/persons-api';
import { PersonsListStore } from '../data-access/persons-list.store';
import { PersonDetail, SourceRecord } from '../data-access/persons.models';

type DetailState =
  | { kind: 'loading' }
  | { kind: 'loaded'; person: PersonDetail }
  | { kind: 'missing' }
  | { kind: 'error'; message: string };

export interface NhsStatusView {
  label: string;
  tone: 'green' | 'red' | 'amber' | 'grey';
  /** Why a steward should care, for the tag's accessible description. */
  explanation: string;
}

const NHS_STATUS: Record<string, NhsStatusView> = {
  valid: { label: 'Valid', tone: 'green', explanation: 'Passes the Modulus 11 check' },
  invalid: { label: 'Invalid', tone: 'red', explanation: 'Fails the Modulus 11 check: this is not a real NHS number' },
  'test-range': { label: 'Test number', tone: 'amber', explanation: 'From the 999 test range: never a real patient' },
  placeholder: { label: 'Placeholder', tone: 'red', explanation: 'Repeated digits typed in place of a real number' },
  missing: { label: 'Missing', tone: 'grey', explanation: 'The source system sent no NHS number' },
};

export function nhsStatusView(status: string): NhsStatusView {
  return NHS_STATUS[status] ?? { label: status, tone: 'grey', explanation: '' };
}

export interface SourceGroup {
  system: string;
  records: SourceRecord[];
}

export function groupBySource(records: readonly SourceRecord[]): SourceGroup[] {
  const groups = new Map<string, SourceRecord[]>();
  for (const record of records) {
    const group = groups.get(record.sourceSystem) ?? [];
    group.push(record);
    groups.set(record.sourceSystem, group);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([system, list]) => ({ system, records: [...list].sort((a, b) => a.localId.localeCompare(b.localId)) }));
}

@Component({
  selector: 'cc-person-detail-page',
  imports: [RouterLink, FormsModule, LoadState, NhsNumberPipe, SexPipe, UkDatePipe, UkDateTimePipe],
  templateUrl: './person-detail-page.html',
  styleUrl: './person-detail-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PersonDetailPage {
  private readonly api = inject(PersonsApi);
  /** The list's search, so "Back to persons" returns to the same results. */
  protected readonly listStore = inject(PersonsListStore, { optional: true });

  /** The person id from the route (`/persons/:id`). */
  readonly id = input.required<string>();

  private readonly attempt = signal(0);
  private readonly request = computed(() => ({ id: this.id(), attempt: this.attempt() }));

  readonly state = toSignal(
    toObservable(this.request).pipe(
      switchMap(({ id }) =>
        this.api.get(id).pipe(
          map((person): DetailState => (person ? { kind: 'loaded', person } : { kind: 'missing' })),
          catchError((error: unknown) =>
            of<DetailState>(
              error instanceof ApiError && error.code === 'NOT_FOUND'
                ? { kind: 'missing' }
                : { kind: 'error', message: error instanceof ApiError ? error.message : String(error) },
            ),
          ),
          startWith<DetailState>({ kind: 'loading' }),
        ),
      ),
    ),
    { initialValue: { kind: 'loading' } as DetailState },
  );

  readonly person = computed(() => {
    const state = this.state();
    return state.kind === 'loaded' ? state.person : null;
  });
  readonly errorMessage = computed(() => {
    const state = this.state();
    return state.kind === 'error' ? state.message : '';
  });
  readonly name = computed(() => {
    const person = this.person();
    return person ? displayName(person.golden.familyName, person.golden.givenName) : '';
  });
  readonly groups = computed(() => groupBySource(this.person()?.records ?? []));
  readonly backQuery = computed(() => {
    const term = this.listStore?.term();
    return term ? { q: term } : {};
  });

  retry(): void {
    this.attempt.update((n) => n + 1);
    this.loadHistory();
  }

  // Link history, split and undo (steward workflow).
  private readonly steward = inject(StewardApi);
  private readonly session = inject(Session);
  private readonly router = inject(Router);
  readonly canSplit = computed(() => ['steward', 'senior-steward'].includes(this.session.user()?.role ?? ''));
  readonly canUndo = computed(() => this.session.user()?.role === 'senior-steward');
  readonly history = signal<PersonHistory | null>(null);
  readonly historyError = signal('');
  readonly selected = signal<ReadonlySet<string>>(new Set());
  readonly splitReason = signal('');
  readonly splitSubmitted = signal(false);
  readonly splitError = signal('');
  readonly splitting = signal(false);
  readonly actionMessage = signal('');
  readonly undoReasons = signal<Record<string, string>>({});
  readonly undoErrors = signal<Record<string, string>>({});
  readonly undoing = signal('');

  private readonly historyLoader = effect(() => {
    this.id();
    untracked(() => this.loadHistory());
  });

  loadHistory(): void {
    this.historyError.set('');
    this.steward.personHistory(this.id()).subscribe({
      next: (history) => this.history.set(history),
      error: (e: unknown) => this.historyError.set(e instanceof ApiError ? e.message : 'The history could not be loaded.'),
    });
  }

  toggle(recordId: string, checked: boolean): void {
    const next = new Set(this.selected());
    if (checked) next.add(recordId);
    else next.delete(recordId);
    this.selected.set(next);
  }

  split(): void {
    this.splitSubmitted.set(true);
    const person = this.person();
    if (!person || this.selected().size === 0 || !this.splitReason().trim() || this.splitting()) return;
    this.splitting.set(true);
    this.splitError.set('');
    this.steward.split(person.id, [...this.selected()], this.splitReason().trim()).subscribe({
      next: (operation) => {
        this.splitting.set(false);
        this.selected.set(new Set());
        this.splitReason.set('');
        this.splitSubmitted.set(false);
        this.actionMessage.set(`Split saved: ${operation.recordIds.length} ${operation.recordIds.length === 1 ? 'record' : 'records'} moved to a new person.`);
        this.retry();
      },
      error: (e: unknown) => {
        this.splitting.set(false);
        this.splitError.set(operationError(e));
      },
    });
  }

  undoReason(operationId: string): string {
    return this.undoReasons()[operationId] ?? '';
  }

  setUndoReason(operationId: string, value: string): void {
    this.undoReasons.update((all) => ({ ...all, [operationId]: value }));
  }

  undo(operation: StewardOperation): void {
    const reason = this.undoReason(operation.id).trim();
    if (!reason) {
      this.undoErrors.update((all) => ({ ...all, [operation.id]: 'Enter a reason for the undo.' }));
      return;
    }
    this.undoing.set(operation.id);
    this.undoErrors.update((all) => ({ ...all, [operation.id]: '' }));
    this.steward.undo(operation.id, reason).subscribe({
      next: () => {
        this.undoing.set('');
        this.actionMessage.set(`The ${operation.kind} was undone.`);
        this.retry();
      },
      error: (e: unknown) => {
        this.undoing.set('');
        this.undoErrors.update((all) => ({ ...all, [operation.id]: operationError(e) }));
      },
    });
  }

  undoable(operation: StewardOperation): boolean {
    return operation.status === 'applied' && !operation.undoneAt;
  }

  nhsStatus(status: string): NhsStatusView {
    return nhsStatusView(status);
  }

  probability(value: number | null): string {
    return displayProbability(value);
  }

  score(value: number | null): string {
    return displayScore(value);
  }

  linkType(type: string): string {
    if (type === 'auto') return 'Automatic';
    if (type === 'manual') return 'Manual (steward decision)';
    return type;
  }

  recordName(record: SourceRecord): string {
    const given = [record.givenName, record.otherGivenNames].filter((part) => part && part.trim()).join(' ');
    return displayName(record.familyName, given || null);
  }
}

function operationError(error: unknown): string {
  if (error instanceof ApiError && error.code === 'CONFLICT')
    return 'Someone else changed this person meanwhile, or a later change depends on this one. What you typed is kept: reload and check before trying again.';
  return error instanceof ApiError ? error.message : 'Concord had a problem saving. What you typed is kept: try again.';
}
