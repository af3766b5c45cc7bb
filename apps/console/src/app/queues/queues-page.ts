import { ScrollingModule, CdkVirtualScrollViewport } from '@angular/cdk/scrolling';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../core/graphql/api-error';
import { Session } from '../core/auth/session';
import { displayName, displayProbability } from '../shared/format/format';
import { LoadState } from '../shared/ui/load-state';
import { StewardApi } from './data-access/steward-api';
import { DEFAULT_FILTERS, nearEnd, TaskFilterForm, toTaskFilter } from './data-access/task-filters';
import {
  AGE_BANDS,
  QUEUES,
  QueueCount,
  queueLabel,
  STATUSES,
  statusLabel,
  TaskListItem,
  TaskQueue,
  TaskSort,
} from './data-access/steward.models';

const PAGE_SIZE = 50;
/** Height of one row of the virtual list, in px (the viewport lays rows out by it). */
export const ROW_HEIGHT = 64;

/** Roles that work tasks (auditors only read the queues). */
export const WORKING_ROLES = ['steward', 'senior-steward'];

export function ageLabel(hours: number): string {
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

@Component({
  selector: 'cc-queues-page',
  imports: [FormsModule, RouterLink, LoadState, ScrollingModule],
  templateUrl: './queues-page.html',
  styleUrl: './queues-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(document:keydown)': 'onKey($event)' },
})
export class QueuesPage {
  private readonly api = inject(StewardApi);
  private readonly router = inject(Router);
  private readonly session = inject(Session);

  protected readonly queues = QUEUES;
  protected readonly statuses = STATUSES;
  protected readonly ageBands = AGE_BANDS;
  protected readonly rowHeight = ROW_HEIGHT;
  protected readonly pageSize = PAGE_SIZE;
  readonly viewport = viewChild(CdkVirtualScrollViewport);
  /** A short list gets a short viewport; a long one scrolls within ten rows' height. */
  readonly viewportHeight = computed(() => Math.min(Math.max(this.tasks().length, 1), 10) * ROW_HEIGHT);
  readonly canWork = computed(() => WORKING_ROLES.includes(this.session.user()?.role ?? ''));

  readonly counts = signal<QueueCount[] | null>(null);
  readonly countsError = signal('');

  readonly filters = signal<TaskFilterForm>({ ...DEFAULT_FILTERS });
  readonly queue = computed(() => this.filters().queue);
  readonly sort = signal<TaskSort>('PRIORITY');
  readonly sourceSystems = signal<string[]>([]);

  readonly tasks = signal<TaskListItem[]>([]);
  readonly totalCount = signal(0);
  readonly cursor = signal<string | null>(null);
  readonly hasMore = signal(false);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');
  readonly claimMessage = signal(readMessage());
  readonly claiming = signal(false);
  private generation = 0;

  constructor() {
    this.loadCounts();
    this.api
      .sourceSystems()
      .subscribe({ next: (list) => this.sourceSystems.set(list), error: () => this.sourceSystems.set([]) });
    this.reload();
    inject(DestroyRef).onDestroy(() => this.generation++);
  }

  loadCounts(): void {
    this.countsError.set('');
    this.api.queueCounts().subscribe({
      next: (counts) => this.counts.set(counts),
      error: (e: unknown) => this.countsError.set(message(e)),
    });
  }

  countFor(queue: TaskQueue): QueueCount | undefined {
    return this.counts()?.find((c) => c.queue === queue);
  }

  showQueue(queue: TaskQueue): void {
    this.setFilter('queue', queue);
  }

  setFilter<K extends keyof TaskFilterForm>(key: K, value: TaskFilterForm[K]): void {
    this.filters.update((f) => ({ ...f, [key]: value }));
    this.reload();
  }

  clearFilters(): void {
    this.filters.set({ ...DEFAULT_FILTERS });
    this.reload();
  }

  /** Called as the list scrolls: the next page is fetched before the steward reaches the end. */
  onScrolled(): void {
    const viewport = this.viewport();
    if (viewport && nearEnd(viewport.getRenderedRange().end, this.tasks().length)) this.loadMore();
  }

  trackById(_index: number, task: TaskListItem): string {
    return task.id;
  }

  reload(): void {
    this.viewport()?.scrollToIndex(0);
    this.tasks.set([]);
    this.cursor.set(null);
    this.loaded.set(false);
    this.fetch();
  }

  loadMore(): void {
    if (this.hasMore() && !this.loading()) this.fetch();
  }

  private fetch(): void {
    const generation = ++this.generation;
    this.loading.set(true);
    this.error.set('');
    this.api
      .tasks({
        filter: toTaskFilter(this.filters()),
        sort: this.sort(),
        first: PAGE_SIZE,
        after: this.cursor(),
      })
      .subscribe({
        next: (page) => {
          if (generation !== this.generation) return;
          this.tasks.update((list) => [...list, ...page.nodes]);
          this.totalCount.set(page.totalCount);
          this.cursor.set(page.pageInfo.endCursor);
          this.hasMore.set(page.pageInfo.hasNextPage);
          this.loading.set(false);
          this.loaded.set(true);
          // A tall screen may show every loaded row at once: keep filling until it scrolls.
          queueMicrotask(() => this.onScrolled());
        },
        error: (e: unknown) => {
          if (generation !== this.generation) return;
          this.error.set(message(e));
          this.loading.set(false);
        },
      });
  }

  claimNext(): void {
    if (!this.canWork() || this.claiming()) return;
    this.claiming.set(true);
    this.claimMessage.set('');
    this.api.claimNext(this.queue() || null).subscribe({
      next: (task) => {
        this.claiming.set(false);
        if (task) void this.router.navigate(['/tasks', task.id]);
        else
          this.claimMessage.set(
            this.queue()
              ? `There are no open tasks in ${queueLabel(this.queue())}.`
              : 'There are no open tasks.',
          );
      },
      error: (e: unknown) => {
        this.claiming.set(false);
        this.claimMessage.set(message(e));
      },
    });
  }

  onKey(event: KeyboardEvent): void {
    if (event.key !== 'n' || event.ctrlKey || event.metaKey || event.altKey || isTyping(event)) return;
    event.preventDefault();
    this.claimNext();
  }

  name(task: TaskListItem): string {
    return task.record ? displayName(task.record.familyName, task.record.givenName) : '—';
  }

  candidateName(task: TaskListItem): string {
    const golden = task.candidatePerson?.golden;
    return golden ? displayName(golden.familyName, golden.givenName) : '—';
  }

  queueLabel = queueLabel;
  statusLabel = statusLabel;
  age = ageLabel;
  probability = displayProbability;
}

export function isTyping(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  const tag = target.tagName;
  if (tag === 'INPUT')
    return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
  return tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

function readMessage(): string {
  const state: unknown = typeof history === 'undefined' ? null : history.state;
  const text =
    typeof state === 'object' && state !== null ? (state as { message?: unknown }).message : undefined;
  return typeof text === 'string' ? text : '';
}

function message(error: unknown): string {
  return error instanceof ApiError
    ? error.message
    : 'Concord had a problem answering. Try again in a moment.';
}
