import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { MatchExplanation } from '../queues/data-access/steward.models';
import { computeWaterfall, signedBits } from './waterfall';

const ROW = 26;
const LABEL_WIDTH = 290;
const VALUE_WIDTH = 64;
const CHART_WIDTH = 360;

/** The match weight as a waterfall in SVG, with a table-equivalent text for screen readers. */
@Component({
  selector: 'cc-waterfall-chart',
  template: `
    @let w = waterfall();
    <figure class="waterfall" data-testid="waterfall">
      <svg
        role="img"
        [attr.viewBox]="'0 0 ' + width + ' ' + height()"
        [attr.width]="width"
        [attr.height]="height()"
        [attr.aria-label]="summary()"
      >
        <line class="axis" [attr.x1]="x(0)" [attr.x2]="x(0)" y1="0" [attr.y2]="height() - 4" />
        @for (bar of w.bars; track bar.key; let i = $index) {
          <g [attr.transform]="'translate(0,' + i * row + ')'" [attr.data-kind]="bar.kind" data-testid="waterfall-bar">
            <text class="label" x="0" [attr.y]="row / 2 + 4" [class.label--strong]="bar.kind === 'total' || bar.kind === 'prior'">{{ short(bar.label) }}</text>
            <rect
              [attr.class]="'bar bar--' + bar.kind"
              [attr.x]="x(min(bar.from, bar.to))"
              y="4"
              [attr.width]="max(2, x(max(bar.from, bar.to)) - x(min(bar.from, bar.to)))"
              [attr.height]="row - 8"
            />
            @if (i > 0 && i < w.bars.length - 1) {
              <line class="connector" [attr.x1]="x(bar.from)" [attr.x2]="x(bar.from)" y1="-4" y2="4" />
            }
            <text class="value" [attr.x]="width - 4" [attr.y]="row / 2 + 4" text-anchor="end">{{ bits(bar.delta) }}</text>
          </g>
        }
      </svg>
      <figcaption class="caption">
        Total weight <strong data-testid="waterfall-total">{{ bits(w.total) }} bits</strong>, probability
        <strong data-testid="waterfall-probability">{{ percent(w.probability) }}</strong>. Bars to the right make the same person more
        likely; bars to the left less likely.
      </figcaption>
    </figure>
  `,
  styles: `
    .waterfall { margin: 0; overflow-x: auto; }
    svg { display: block; max-width: 100%; height: auto; font-size: 13px; }
    .axis { stroke: var(--cc-text-secondary); stroke-dasharray: 3 3; }
    .connector { stroke: var(--cc-text-secondary); }
    .label { fill: var(--cc-text); }
    .label--strong { font-weight: 700; }
    .value { fill: var(--cc-text); font-family: monospace; }
    .bar--prior { fill: #768692; }
    .bar--up { fill: var(--cc-green); }
    .bar--down { fill: var(--cc-red); }
    .bar--none { fill: var(--cc-grey-border); }
    .bar--total { fill: var(--cc-blue); }
    .caption { margin-top: 8px; color: var(--cc-text); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class WaterfallChart {
  readonly explanation = input.required<Pick<MatchExplanation, 'prior' | 'comparisons' | 'weight'>>();

  protected readonly row = ROW;
  protected readonly width = LABEL_WIDTH + CHART_WIDTH + VALUE_WIDTH;
  protected readonly waterfall = computed(() => computeWaterfall(this.explanation()));
  protected readonly height = computed(() => this.waterfall().bars.length * ROW + 4);
  protected readonly summary = computed(() => {
    const w = this.waterfall();
    return `Match weight waterfall: ${w.bars.map((b) => `${b.label} ${signedBits(b.delta)}`).join('; ')}; probability ${this.percent(w.probability)}`;
  });

  protected x(value: number): number {
    const { min, max } = this.waterfall();
    const span = max - min || 1;
    return LABEL_WIDTH + ((value - min) / span) * (CHART_WIDTH - 8) + 4;
  }

  protected min(a: number, b: number): number {
    return Math.min(a, b);
  }

  protected max(a: number, b: number): number {
    return Math.max(a, b);
  }

  protected bits(value: number): string {
    return signedBits(value);
  }

  protected short(label: string): string {
    return label.length > 40 ? `${label.slice(0, 39)}…` : label;
  }

  protected percent(p: number): string {
    if (p > 0.9999) return '> 99.99%';
    if (p < 0.0001) return '< 0.01%';
    return `${(p * 100).toFixed(2)}%`;
  }
}
