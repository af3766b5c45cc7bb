import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
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
  imports: [RouterLink, LoadState, NhsNumberPipe, SexPipe, UkDatePipe, UkDateTimePipe],
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
