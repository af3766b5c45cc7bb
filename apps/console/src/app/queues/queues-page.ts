import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router, RouterLink } from '@angular/router';
import { ApiError } from '../core/graphql/api-error';
import { Session } from '../core/auth/session';
import { displayName, displayProbability } from '../shared/format/format';
import { LoadState } from '../shared/ui/load-state';
import { StewardApi } from './data-access/steward-api';
import {
  QUEUES,
  QueueCount,
  queueLabel,
  STATUSES,
  statusLabel,
  TaskListItem,
  TaskQueue,
  TaskSort,
  TaskStatus,
} from './data-access/steward.models';

const PAGE_SIZE = 50;

/** Roles that work tasks (auditors only read the queues). */
export const WORKING_ROLES = ['steward', 'senior-steward'];

export function ageLabel(hours: number): string {
  if (hours < 1) return `${Math.max(0, Math.round(hours * 60))} min`;
  if (hours < 48) return `${Math.round(hours)} h`;
  return `${Math.round(hours / 24)} days`;
}

@Component({
  selector: 'cc-queues-page',
  imports: [FormsModule, RouterLink, LoadState],
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
  readonly canWork = computed(() => WORKING_ROLES.includes(this.session.user()?.role ?? ''));

  readonly counts = signal<QueueCount[] | null>(null);
  readonly countsError = signal('');

  readonly queue = signal<TaskQueue | ''>('');
  readonly status = signal<TaskStatus | ''>('OPEN');
  readonly sourceSystem = signal('');
  readonly sort = signal<TaskSort>('PRIORITY');

  readonly tasks = signal<TaskListItem[]>([]);
  readonly totalCount = signal(0);
  readonly cursor = signal<string | null>(null);
  readonly hasMore = signal(false);
  readonly loading = signal(false);
  readonly loaded = signal(false);
  readonly error = signal('');
  readonly claimMessage = signal('');
  readonly claiming = signal(false);
  private generation = 0;

  constructor() {
    this.loadCounts();
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
    this.queue.set(queue);
    this.reload();
  }

  reload(): void {
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
        filter: { queue: this.queue() || null, status: this.status() || null, sourceSystem: this.sourceSystem().trim() || null },
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
        else this.claimMessage.set(this.queue() ? `There are no open tasks in ${queueLabel(this.queue())}.` : 'There are no open tasks.');
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
  if (tag === 'INPUT') return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target as HTMLInputElement).type);
  return tag === 'TEXTAREA' || tag === 'SELECT' || target.isContentEditable;
}

function message(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Concord had a problem answering. Try again in a moment.';
}
