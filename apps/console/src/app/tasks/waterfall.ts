import type { MatchExplanation } from '../queues/data-access/steward.models';

/** One bar of the match-weight waterfall, in bits (log2 of the odds). */
export interface WaterfallBar {
  key: string;
  label: string;
  /** What this bar adds (the prior and the total are drawn from zero). */
  delta: number;
  /** Where the bar starts and ends on the weight axis. */
  from: number;
  to: number;
  kind: 'prior' | 'up' | 'down' | 'none' | 'total';
}

export interface Waterfall {
  bars: WaterfallBar[];
  min: number;
  max: number;
  total: number;
  /** The probability the total weight stands for: 2^w / (1 + 2^w). */
  probability: number;
}

/** The probability a match weight in bits stands for. */
export function probabilityOf(weight: number): number {
  return 1 / (1 + Math.pow(2, -weight));
}

const EPSILON = 1e-9;

/**
 * The waterfall of a match: the prior, then each field's contribution up or down from where
 * the last one ended, and finally the total drawn from zero. The axis always includes zero.
 */
export function computeWaterfall(explanation: Pick<MatchExplanation, 'prior' | 'comparisons' | 'weight'>): Waterfall {
  const bars: WaterfallBar[] = [];
  let running = explanation.prior;
  bars.push({ key: 'prior', label: 'Prior', delta: running, from: 0, to: running, kind: 'prior' });
  for (const c of explanation.comparisons) {
    const next = running + c.weight;
    const kind = Math.abs(c.weight) < EPSILON ? 'none' : c.weight > 0 ? 'up' : 'down';
    bars.push({ key: c.field, label: c.label, delta: c.weight, from: running, to: next, kind });
    running = next;
  }
  // The server's total is authoritative (it may include term-frequency adjustments); show it as given.
  const total = Number.isFinite(explanation.weight) ? explanation.weight : running;
  bars.push({ key: 'total', label: 'Total', delta: total, from: 0, to: total, kind: 'total' });
  const ends = bars.flatMap((b) => [b.from, b.to]);
  return { bars, min: Math.min(0, ...ends), max: Math.max(0, ...ends), total, probability: probabilityOf(total) };
}

/** A signed weight for a label: "+8.7", "−3.2", "0.0". */
export function signedBits(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  if (rounded === 0) return '0.0';
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(1)}`;
}
