import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { catchError, map, of, startWith, Subject, switchMap } from 'rxjs';
import { ApiError } from '../core/graphql/api-error';
import { LoadState } from '../shared/ui/load-state';
import { BarChart, BarSeries } from './charts/bar-chart';
import { LineChart, LineSeries } from './charts/line-chart';
import { InsightApi } from './data-access/insight-api';
import { displayDuration, displayPercent, queueLabel, shortDay } from './data-access/insight-format';
import { IndexInsight } from './data-access/insight.models';

type LoadResult = { kind: 'loading' } | { kind: 'loaded'; insight: IndexInsight } | { kind: 'error'; message: string };

/** Line colours and dash patterns per queue: told apart by more than colour. */
const QUEUE_STYLES = [
  { colour: '#005eb8', dash: '' },
  { colour: '#d5281b', dash: '8 4' },
  { colour: '#007f3b', dash: '2 4' },
  { colour: '#330072', dash: '10 4 2 4' },
];

@Component({
  selector: 'cc-dashboard-page',
  imports: [LoadState, LineChart, BarChart],
  templateUrl: './dashboard-page.html',
  styleUrl: './dashboard-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DashboardPage {
  private readonly api = inject(InsightApi);
  private readonly requests = new Subject<void>();
  private readonly result = signal<LoadResult>({ kind: 'loading' });

  readonly loading = computed(() => this.result().kind === 'loading');
  readonly error = computed(() => {
    const r = this.result();
    return r.kind === 'error' ? r.message : null;
  });
  readonly insight = computed(() => {
    const r = this.result();
    return r.kind === 'loaded' ? r.insight : null;
  });
  readonly days = computed(() => this.insight()?.queueSizes.map((d) => d.day) ?? []);
  readonly queueSeries = computed<LineSeries[]>(() => {
    const sizes = this.insight()?.queueSizes ?? [];
    const queues = sizes[0]?.queues.map((q) => q.queue) ?? [];
    return queues.map((queue, i) => ({
      label: queueLabel(queue),
      values: sizes.map((d) => d.queues.find((q) => q.queue === queue)?.open ?? 0),
      ...QUEUE_STYLES[i % QUEUE_STYLES.length],
    }));
  });
  readonly flowSeries = computed<BarSeries[]>(() => {
    const flow = this.insight()?.flow ?? [];
    return [
      { label: 'New tasks (demand)', values: flow.map((f) => f.created), colour: '#005eb8' },
      { label: 'Resolved tasks (capacity)', values: flow.map((f) => f.resolved), colour: '#007f3b' },
    ];
  });
  readonly flowTotals = computed(() => {
    const flow = this.insight()?.flow ?? [];
    return {
      created: flow.reduce((n, f) => n + f.created, 0),
      resolved: flow.reduce((n, f) => n + f.resolved, 0),
    };
  });
  readonly openNow = computed(() => {
    const sizes = this.insight()?.queueSizes ?? [];
    return sizes[sizes.length - 1]?.queues.reduce((n, q) => n + q.open, 0) ?? 0;
  });
  readonly quality = computed(() =>
    (this.insight()?.sourceQuality ?? []).map((q) => ({
      ...q,
      nhsProblemRate: q.records === 0 ? 0 : (q.invalidNhsNumber + q.missingNhsNumber) / q.records,
    })),
  );
  readonly noTasks = computed(() => {
    const insight = this.insight();
    return insight !== null && this.openNow() === 0 && this.flowTotals().created === 0 && this.flowTotals().resolved === 0;
  });

  protected readonly duration = displayDuration;
  protected readonly percent = displayPercent;
  protected readonly shortDay = shortDay;
  protected readonly queueLabel = queueLabel;
  protected readonly numberFormat = new Intl.NumberFormat('en-GB');

  constructor() {
    this.requests
      .pipe(
        switchMap(() =>
          this.api.summary(30).pipe(
            map((insight): LoadResult => ({ kind: 'loaded', insight })),
            catchError((error: unknown) =>
              of<LoadResult>({ kind: 'error', message: error instanceof ApiError ? error.message : String(error) }),
            ),
            startWith<LoadResult>({ kind: 'loading' }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((result) => this.result.set(result));
    this.reload();
  }

  reload(): void {
    this.requests.next();
  }

  format(value: number): string {
    return this.numberFormat.format(value);
  }

  /** Width of a 0–1 share in a 100-unit bar, never invisible when above zero. */
  barWidth(share: number): number {
    if (!Number.isFinite(share) || share <= 0) return 0;
    return Math.max(1, Math.min(100, share * 100));
  }
}
