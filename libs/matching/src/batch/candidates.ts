import { BlockingPart, MatchModel } from '../model/types';
import { StandardRecord } from '../standardise/standardise';
import { IntList } from './growable';
import { encodeRule, internPart, PartIds, RuleKeyIds, SLOTS } from './rule-keys';

export interface OversizedBlock {
  rule: string;
  key: string;
  size: number;
}

export interface CandidatePairs {
  /** Record indices of each pair, a < b. Each pair appears once across all rules. */
  a: Int32Array;
  b: Int32Array;
  /** Pairs found per rule (after removing those an earlier rule found). */
  perRule: Array<{ rule: string; pairs: number; blocks: number }>;
  oversized: OversizedBlock[];
}

/**
 * Candidate pairs from the model's blocking rules, each pair once, without a global set of
 * pairs (which cost minutes at a million records): keys are integer tuples of interned part
 * values (rule-keys.ts), records are bucketed by key with a counting sort, and a pair found
 * by rule r is skipped when the two records also share a key of an earlier rule, or a
 * smaller key of rule r itself — both are checks on a few integers of the two records.
 */
export function candidatePairs(
  records: StandardRecord[],
  model: MatchModel,
  onRule?: (rule: string) => void,
  interned?: Map<BlockingPart, PartIds>,
): CandidatePairs {
  const n = records.length;
  const rules = model.blocking.rules;
  const maxBlockOf = (r: number) => rules[r].maxBlockSize ?? model.blocking.maxBlockSize;
  const parts = new Map<BlockingPart, PartIds>(interned ?? []);
  for (const p of blockingParts(model)) if (!parts.has(p)) parts.set(p, internPart(records, p));
  const keys = new Int32Array(rules.length * n * SLOTS).fill(-1);
  const ruleKeyIds: RuleKeyIds[] = rules.map((rule, r) => encodeRule(rule, r, parts, n, keys));
  parts.clear();

  const outA = new IntList(Math.max(1024, n));
  const outB = new IntList(Math.max(1024, n));
  const perRule: CandidatePairs['perRule'] = [];
  const oversized: OversizedBlock[] = [];

  // Keys of oversized blocks produce no pairs, so they must not suppress a later rule's pair either.
  const live: Uint8Array[] = [];
  const allCounts: Int32Array[] = [];
  for (let r = 0; r < rules.length; r++) {
    const nk = ruleKeyIds[r].count;
    const counts = new Int32Array(nk + 1);
    for (let i = 0; i < n; i++) {
      const base = (r * n + i) * SLOTS;
      for (let t = 0; t < SLOTS && keys[base + t] >= 0; t++) counts[keys[base + t] + 1]++;
    }
    const ok = new Uint8Array(nk);
    const maxBlock = maxBlockOf(r);
    for (let k = 0; k < nk; k++) ok[k] = counts[k + 1] <= maxBlock ? 1 : 0;
    for (let k = 0; k < nk; k++) counts[k + 1] += counts[k];
    live.push(ok);
    allCounts.push(counts);
  }

  for (let r = 0; r < rules.length; r++) {
    onRule?.(rules[r].name);
    const nk = ruleKeyIds[r].count;
    const counts = allCounts[r];
    const members = new Int32Array(counts[nk]);
    const fill = counts.slice(0, nk);
    for (let i = 0; i < n; i++) {
      const base = (r * n + i) * SLOTS;
      for (let t = 0; t < SLOTS && keys[base + t] >= 0; t++) members[fill[keys[base + t]]++] = i;
    }
    let found = 0;
    let blocks = 0;
    for (let k = 0; k < nk; k++) {
      const lo = counts[k];
      const hi = counts[k + 1];
      const size = hi - lo;
      if (size < 2) continue;
      if (size > maxBlockOf(r)) {
        oversized.push({ rule: rules[r].name, key: ruleKeyIds[r].name(k), size });
        continue;
      }
      blocks++;
      for (let x = lo; x < hi; x++) {
        const i = members[x];
        for (let y = x + 1; y < hi; y++) {
          const j = members[y];
          if (seenEarlier(keys, live, n, r, i, j, k)) continue;
          if (i < j) {
            outA.push(i);
            outB.push(j);
          } else {
            outA.push(j);
            outB.push(i);
          }
          found++;
        }
      }
    }
    perRule.push({ rule: rules[r].name, pairs: found, blocks });
  }
  return { a: outA.toArray(), b: outB.toArray(), perRule, oversized };
}

/**
 * The blocking parts of the model's rules, each once. Interning a part (internPart) is the
 * costly half of blocking and the parts are independent: the CLI interns them on worker
 * threads and passes them in as `interned` (same ids: internPart is deterministic).
 */
export function blockingParts(model: MatchModel): BlockingPart[] {
  const out: BlockingPart[] = [];
  for (const rule of model.blocking.rules) for (const p of rule.on) if (!out.includes(p)) out.push(p);
  return out;
}

/** True when records i and j share a live key of an earlier rule, or a smaller live key than k in rule r. */
function seenEarlier(
  keys: Int32Array,
  live: Uint8Array[],
  n: number,
  r: number,
  i: number,
  j: number,
  k: number,
): boolean {
  for (let q = 0; q <= r; q++) {
    const bi = (q * n + i) * SLOTS;
    const bj = (q * n + j) * SLOTS;
    const ok = live[q];
    for (let s = 0; s < SLOTS; s++) {
      const ki = keys[bi + s];
      if (ki < 0) break;
      if ((q === r && ki >= k) || ok[ki] === 0) continue;
      for (let t = 0; t < SLOTS; t++) {
        const kj = keys[bj + t];
        if (kj < 0) break;
        if (ki === kj) return true;
      }
    }
  }
  return false;
}
