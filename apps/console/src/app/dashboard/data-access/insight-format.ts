/** Queue names as stewards say them. */
export const QUEUE_LABELS: Record<string, string> = {
  'possible-duplicate': 'Possible duplicates',
  'nhs-shared': 'Shared NHS number',
  'nhs-duplicate': 'Two NHS numbers',
  'nhs-trace': 'NHS number to trace',
};

export function queueLabel(queue: string): string {
  return QUEUE_LABELS[queue] ?? queue;
}

/** A duration in the largest sensible unit: "45 min", "6.5 h", "3.2 days". */
export function displayDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '—';
  if (seconds < 60) return `${Math.round(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  if (seconds < 48 * 3600) return `${round1(seconds / 3600)} h`;
  return `${round1(seconds / 86400)} days`;
}

export function displayPercent(share: number | null | undefined): string {
  if (share === null || share === undefined || !Number.isFinite(share)) return '—';
  return `${round1(share * 100)}%`;
}

/** "2026-03-05" → "5 Mar" (the day is UTC, so is the label). */
export function shortDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return day;
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** A round upper bound for a chart axis with `ticks` steps. */
export function niceMax(value: number, ticks = 4): number {
  if (value <= 0) return ticks;
  const rough = value / ticks;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= rough) ?? 10 * magnitude;
  return Math.max(step * ticks, ticks);
}

function round1(value: number): string {
  return (Math.round(value * 10) / 10).toLocaleString('en-GB');
}
