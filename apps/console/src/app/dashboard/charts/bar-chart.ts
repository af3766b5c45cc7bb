import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHART, dayTicks, yAxis, yOf } from './chart-geometry';

export interface BarSeries {
  label: string;
  values: number[];
  colour: string;
}

/** Grouped bars per day (e.g. demand beside capacity), drawn in SVG. */
@Component({
  selector: 'cc-bar-chart',
  template: `
    <figure class="chart">
      <svg
        class="chart__svg"
        [attr.viewBox]="'0 0 ' + width + ' ' + height"
        role="img"
        [attr.aria-label]="summary()"
        preserveAspectRatio="xMidYMid meet"
      >
        @for (tick of axis().ticks; track tick.value) {
          <line class="chart__grid" [attr.x1]="left" [attr.x2]="width - right" [attr.y1]="tick.y" [attr.y2]="tick.y" />
          <text class="chart__tick" [attr.x]="left - 6" [attr.y]="tick.y + 4" text-anchor="end">{{ tick.value }}</text>
        }
        @for (tick of xTicks(); track tick.x) {
          <text class="chart__tick" [attr.x]="tick.x" [attr.y]="height - 12" text-anchor="middle">{{ tick.label }}</text>
        }
        @for (bar of bars(); track bar.key) {
          <rect [attr.x]="bar.x" [attr.y]="bar.y" [attr.width]="bar.width" [attr.height]="bar.height" [attr.fill]="bar.colour" data-testid="chart-bar" />
        }
      </svg>
      <figcaption class="legend">
        @for (s of series(); track s.label) {
          <span class="legend__item">
            <svg class="legend__swatch legend__swatch--box" viewBox="0 0 12 12" aria-hidden="true">
              <rect width="12" height="12" [attr.fill]="s.colour" />
            </svg>
            {{ s.label }}
          </span>
        }
      </figcaption>
    </figure>
  `,
  styleUrl: './chart.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class BarChart {
  readonly days = input.required<string[]>();
  readonly series = input.required<BarSeries[]>();
  readonly description = input('');

  protected readonly width = CHART.width;
  protected readonly height = CHART.height;
  protected readonly left = CHART.left;
  protected readonly right = CHART.right;

  private readonly slot = computed(() => (CHART.width - CHART.left - CHART.right) / Math.max(1, this.days().length));
  protected readonly axis = computed(() => yAxis(Math.max(0, ...this.series().flatMap((s) => s.values))));
  protected readonly xTicks = computed(() => dayTicks(this.days(), (i) => CHART.left + this.slot() * (i + 0.5)));
  protected readonly bars = computed(() => {
    const max = this.axis().max;
    const slot = this.slot();
    const groups = this.series().length;
    const barWidth = Math.max(1, (slot * 0.8) / Math.max(1, groups));
    const base = yOf(0, max);
    return this.series().flatMap((s, g) =>
      s.values.map((v, i) => {
        const y = yOf(v, max);
        return {
          key: `${g}-${i}`,
          x: +(CHART.left + slot * i + slot * 0.1 + barWidth * g).toFixed(1),
          y: +y.toFixed(1),
          width: +barWidth.toFixed(1),
          height: +Math.max(0, base - y).toFixed(1),
          colour: s.colour,
        };
      }),
    );
  });
  protected readonly summary = computed(() => {
    const totals = this.series()
      .map((s) => `${s.label} ${s.values.reduce((a, b) => a + b, 0)}`)
      .join(', ');
    return `${this.description()} In total: ${totals}.`;
  });
}
