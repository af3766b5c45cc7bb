import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, Subject, switchMap } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { AuditApi } from './audit-api';
import { AuditEventPage, AuditFilter } from './audit.models';

export const AUDIT_PAGE_SIZE = 50;

type LoadResult = { kind: 'loading' } | { kind: 'loaded'; page: AuditEventPage } | { kind: 'error'; message: string };

/** The audit list: the applied filter, keyset paging and the current page. */
@Injectable()
export class AuditListStore {
  private readonly api = inject(AuditApi);

  readonly filter = signal<AuditFilter>({});
  private readonly cursors = signal<(string | null)[]>([null]);
  private readonly result = signal<LoadResult>({ kind: 'loading' });
  private readonly lastPage = signal<AuditEventPage | null>(null);
  private readonly requests = new Subject<{ filter: AuditFilter; after: string | null }>();

  readonly loading = computed(() => this.result().kind === 'loading');
  readonly error = computed(() => {
    const result = this.result();
    return result.kind === 'error' ? result.message : null;
  });
  readonly page = computed(() => this.lastPage());
  readonly pageIndex = computed(() => this.cursors().length - 1);
  readonly hasPrevious = computed(() => this.pageIndex() > 0);
  readonly hasNext = computed(() => this.lastPage()?.pageInfo.hasNextPage === true && !this.loading());
  readonly empty = computed(() => this.result().kind === 'loaded' && (this.lastPage()?.nodes.length ?? 0) === 0);

  constructor() {
    this.requests
      .pipe(
        switchMap(({ filter, after }) =>
          this.api.list(filter, AUDIT_PAGE_SIZE, after).pipe(
            map((page): LoadResult => ({ kind: 'loaded', page })),
            catchError((error: unknown) =>
              of<LoadResult>({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) }),
            ),
            startWith<LoadResult>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((result) => {
        this.result.set(result);
        if (result.kind === 'loaded') this.lastPage.set(result.page);
      });
  }

  /** Applies a filter and shows its first page. */
  apply(filter: AuditFilter): void {
    this.filter.set(filter);
    this.cursors.set([null]);
    this.lastPage.set(null);
    this.load();
  }

  next(): void {
    const cursor = this.lastPage()?.pageInfo.endCursor;
    if (!this.hasNext() || !cursor) return;
    this.cursors.update((cursors) => [...cursors, cursor]);
    this.load();
  }

  previous(): void {
    if (!this.hasPrevious()) return;
    this.cursors.update((cursors) => cursors.slice(0, -1));
    this.load();
  }

  reload(): void {
    this.load();
  }

  private load(): void {
    const cursors = this.cursors();
    this.requests.next({ filter: this.filter(), after: cursors[cursors.length - 1] });
  }
}
