import { niceMax, shortDay } from '../data-access/insight-format';

export const CHART = { width: 720, height: 260, left: 44, right: 28, top: 12, bottom: 34 } as const;

export interface Axis {
  max: number;
  ticks: { value: number; y: number }[];
}

export function yAxis(maxValue: number, steps = 4): Axis {
  const max = niceMax(maxValue, steps);
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  return {
    max,
    ticks: Array.from({ length: steps + 1 }, (_, i) => {
      const value = (max / steps) * i;
      return { value, y: CHART.top + plotHeight - (value / max) * plotHeight };
    }),
  };
}

export function yOf(value: number, max: number): number {
  const plotHeight = CHART.height - CHART.top - CHART.bottom;
  return CHART.top + plotHeight - (value / max) * plotHeight;
}

/** Every n-th day labelled so the labels never overlap (and the last day always). */
export function dayTicks(days: string[], xOf: (index: number) => number): { x: number; label: string }[] {
  const every = Math.max(1, Math.ceil(days.length / 8));
  return days
    .map((day, i) => ({ i, day }))
    .filter(({ i }) => (days.length - 1 - i) % every === 0)
    .map(({ i, day }) => ({ x: xOf(i), label: shortDay(day) }));
}
