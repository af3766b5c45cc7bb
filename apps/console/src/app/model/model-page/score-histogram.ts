import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { ScoreHistogram } from '../data-access/model.models';

const WIDTH = 720;
const HEIGHT = 260;
const MARGIN = { top: 28, right: 16, bottom: 44, left: 52 };

export interface HistogramBar {
  x: number;
  width: number;
  y: number;
  height: number;
  count: number;
  label: string;
}

/** Scales a histogram into SVG geometry (square-root counts, so a few tasks show beside thousands of links). */
export function histogramGeometry(h: ScoreHistogram, extent?: [number, number] | null) {
  const bins = h.bins;
  const edges = [
    ...bins.flatMap((b) => [b.from, b.to]),
    h.reviewWeight - 1,
    h.linkWeight + 1,
    ...(extent ?? []),
  ];
  const lo = Math.floor(Math.min(...edges) / h.binWidth) * h.binWidth;
  const hi = Math.ceil(Math.max(...edges) / h.binWidth) * h.binWidth;
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const x = (w: number) => MARGIN.left + ((w - lo) / (hi - lo || 1)) * plotW;
  const max = Math.max(1, ...bins.map((b) => Math.max(b.links, b.tasks)));
  const y = (n: number) => MARGIN.top + plotH - (Math.sqrt(n) / Math.sqrt(max)) * plotH;
  const bar = (b: (typeof bins)[number], n: number, half: 0 | 1, what: string): HistogramBar => {
    const full = x(b.to) - x(b.from);
    const width = Math.max(1, full / 2 - 1);
    return {
      x: x(b.from) + half * (full / 2) + 0.5,
      width,
      y: y(n),
      height: MARGIN.top + plotH - y(n),
      count: n,
      label: `${n} ${what} with weight ${b.from} to ${b.to}`,
    };
  };
  const links = bins
    .filter((b) => b.links > 0)
    .map((b) => bar(b, b.links, 0, b.links === 1 ? 'link' : 'links'));
  const tasks = bins
    .filter((b) => b.tasks > 0)
    .map((b) => bar(b, b.tasks, 1, b.tasks === 1 ? 'task' : 'tasks'));
  const step = Math.max(h.binWidth, Math.ceil((hi - lo) / 12 / h.binWidth) * h.binWidth);
  const ticks: { x: number; label: string }[] = [];
  for (let t = Math.ceil(lo / step) * step; t <= hi; t += step) ticks.push({ x: x(t), label: String(t) });
  const yTicks = [0, 0.25, 0.5, 1]
    .map((f) => Math.round(max * f * f))
    .filter((n, i, a) => a.indexOf(n) === i);
  return {
    width: WIDTH,
    height: HEIGHT,
    plot: { left: MARGIN.left, right: WIDTH - MARGIN.right, top: MARGIN.top, bottom: MARGIN.top + plotH },
    links,
    tasks,
    ticks,
    yTicks: yTicks.map((n) => ({ y: y(n), label: String(n) })),
    linkX: x(h.linkWeight),
    reviewX: x(h.reviewWeight),
  };
}

/** Match weights as a histogram with the review and link thresholds drawn as lines. */
@Component({
  selector: 'cc-score-histogram',
  templateUrl: './score-histogram.html',
  styleUrl: './score-histogram.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ScoreHistogramChart {
  readonly histogram = input.required<ScoreHistogram>();
  /** Accessible name of the chart. */
  readonly label = input.required<string>();
  /** What the first series counts (current links, or nothing in a preview). */
  readonly showLinks = input(true);
  /** A shared weight range, so two histograms side by side can be compared. */
  readonly extent = input<[number, number] | null>(null);
  readonly id = `histogram-${Math.random().toString(36).slice(2, 8)}`;
  protected readonly g = computed(() => histogramGeometry(this.histogram(), this.extent()));
  protected readonly fmt = (n: number) => n.toFixed(1);
}
