import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { CHART, dayTicks, yAxis, yOf } from './chart-geometry';

export interface LineSeries {
  label: string;
  values: number[];
  colour: string;
  /** SVG dash pattern, so the lines differ by more than colour. */
  dash?: string;
}

/** A line per series over days, drawn in SVG; the figures are also offered as a table. */
@Component({
  selector: 'cc-line-chart',
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
        @for (line of lines(); track line.label) {
          <polyline
            class="chart__line"
            [attr.points]="line.points"
            [attr.stroke]="line.colour"
            [attr.stroke-dasharray]="line.dash || null"
            data-testid="chart-line"
          />
        }
      </svg>
      <figcaption class="legend">
        @for (s of series(); track s.label) {
          <span class="legend__item">
            <svg class="legend__swatch" viewBox="0 0 28 10" aria-hidden="true">
              <line x1="0" x2="28" y1="5" y2="5" [attr.stroke]="s.colour" stroke-width="3" [attr.stroke-dasharray]="s.dash || null" />
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
export class LineChart {
  readonly days = input.required<string[]>();
  readonly series = input.required<LineSeries[]>();
  readonly description = input('');

  protected readonly width = CHART.width;
  protected readonly height = CHART.height;
  protected readonly left = CHART.left;
  protected readonly right = CHART.right;

  protected readonly axis = computed(() => yAxis(Math.max(0, ...this.series().flatMap((s) => s.values))));
  protected readonly xTicks = computed(() => dayTicks(this.days(), (i) => this.xOf(i)));
  protected readonly lines = computed(() => {
    const max = this.axis().max;
    return this.series().map((s) => ({
      ...s,
      points: s.values.map((v, i) => `${this.xOf(i).toFixed(1)},${yOf(v, max).toFixed(1)}`).join(' '),
    }));
  });
  protected readonly summary = computed(() => {
    const latest = this.series()
      .map((s) => `${s.label} ${s.values[s.values.length - 1] ?? 0}`)
      .join(', ');
    return `${this.description()} Latest day: ${latest}.`;
  });

  private xOf(index: number): number {
    const n = this.days().length;
    const plot = CHART.width - CHART.left - CHART.right;
    return CHART.left + (n <= 1 ? plot / 2 : (plot * index) / (n - 1));
  }
}
