import { computed, DestroyRef, inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, Subject, switchMap } from 'rxjs';
import { ApiError } from '../../core/graphql/api-error';
import { PersonsApi } from './persons-api';
import { PersonPage } from './persons.models';

export const PAGE_SIZE = 25;

type LoadResult = { kind: 'loading' } | { kind: 'loaded'; page: PersonPage } | { kind: 'error'; message: string };

/**
 * The persons list: search term, cursor paging and the current page. Provided on the persons
 * route so going to a person and back keeps the steward's search and page.
 */
@Injectable()
export class PersonsListStore {
  private readonly api = inject(PersonsApi);

  /** The search as applied (not as being typed). */
  readonly term = signal('');
  /** Cursors of the pages visited: index 0 is the first page (no cursor). */
  private readonly cursors = signal<(string | null)[]>([null]);
  private readonly result = signal<LoadResult>({ kind: 'loading' });
  /** The last page shown, kept while the next one loads so the table does not flash away. */
  private readonly lastPage = signal<PersonPage | null>(null);
  private readonly requests = new Subject<{ term: string; after: string | null }>();
  private started = false;

  readonly loading = computed(() => this.result().kind === 'loading');
  readonly error = computed(() => {
    const result = this.result();
    return result.kind === 'error' ? result.message : null;
  });
  readonly page = computed(() => this.lastPage());
  readonly pageIndex = computed(() => this.cursors().length - 1);
  readonly totalCount = computed(() => this.lastPage()?.totalCount ?? 0);
  readonly rangeStart = computed(() => (this.totalCount() === 0 ? 0 : this.pageIndex() * PAGE_SIZE + 1));
  readonly rangeEnd = computed(() => this.pageIndex() * PAGE_SIZE + (this.lastPage()?.nodes.length ?? 0));
  readonly hasPrevious = computed(() => this.pageIndex() > 0);
  readonly hasNext = computed(() => this.lastPage()?.pageInfo.hasNextPage === true && !this.loading());
  readonly empty = computed(() => this.result().kind === 'loaded' && this.totalCount() === 0);

  constructor() {
    this.requests
      .pipe(
        // A newer search or page replaces one still in flight, so answers never arrive out of order.
        switchMap(({ term, after }) =>
          this.api.list({ first: PAGE_SIZE, after, search: term || null }).pipe(
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

  /** Shows the first page for a search; the same search again refreshes the page the steward is on. */
  search(rawTerm: string): void {
    const term = rawTerm.trim();
    if (this.started && term === this.term()) {
      this.reload();
      return;
    }
    this.started = true;
    this.term.set(term);
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
    this.requests.next({ term: this.term(), after: cursors[cursors.length - 1] });
  }
}
