import { partValues } from '../blocking/blocking';
import { BlockingPart, BlockingRule } from '../model/types';
import { StandardRecord } from '../standardise/standardise';

/** Slots per record per rule: a rule yields at most this many keys (2 family tokens × 2 = 4). */
export const SLOTS = 4;
/** A blocking part yields at most this many values per record (two family-name tokens). */
const PART_SLOTS = 2;

/** Value ids of one blocking part per record (PART_SLOTS per record, -1 = none) and the distinct values. */
export interface PartIds {
  ids: Int32Array;
  values: string[];
}

/**
 * The record field a part's values are a function of, so that `partValues` (and the fresh
 * strings it builds: concatenations, postcodes without spaces) runs once per distinct
 * source value instead of once per record. Null: no single source (computed per record).
 */
function partSource(r: StandardRecord, part: BlockingPart): string | null | undefined {
  switch (part) {
    case 'nhs':
      return r.nhs;
    case 'dob':
    case 'birthYear':
      return r.dob;
    case 'familyPhonetic':
    case 'familyName':
      return r.familyName;
    case 'givenPhonetic':
      return r.givenPhonetic.length > 0 ? r.givenPhonetic[0] : null;
    case 'givenName':
      return r.givenName;
    case 'postcode':
    case 'postcodeDistrict':
    case 'postcodeSector':
      return r.postcode;
    case 'email':
      return r.email;
    case 'namePhoneticPair':
      return undefined;
  }
}

/** Parts whose single value is `partSource` unchanged (see `partValues`). */
const DIRECT_PARTS = new Set<BlockingPart>(['nhs', 'dob', 'givenPhonetic', 'givenName', 'email']);

/** Packs up to two value ids (−1 = none) into one exact double. */
const PACK = 2 ** 26;

/**
 * Interns the values of one blocking part once per record. Parts are shared by several rules
 * (dob by three), so each value is looked up once, not once per rule; the rule keys are then
 * built from these integers. Uses `partValues`, the function behind `blockingKeys`, so the
 * batch blocks are exactly the blocks of the stable string keys the database indexes.
 */
export function internPart(records: StandardRecord[], part: BlockingPart): PartIds {
  const n = records.length;
  const ids = new Int32Array(n * PART_SLOTS).fill(-1);
  const intern = new Map<string, number>();
  const bySource = new Map<string, number>();
  const values: string[] = [];
  const idOf = (v: string): number => {
    let id = intern.get(v);
    if (id === undefined) {
      id = values.length;
      values.push(v);
      intern.set(v, id);
    }
    return id;
  };
  // These parts' only value is the source itself: one Map, not a second one keyed by source
  // (for the NHS number, 1.5 M distinct strings at 1 M persons, a second Map cost seconds).
  if (DIRECT_PARTS.has(part)) {
    for (let i = 0; i < n; i++) {
      const src = partSource(records[i], part);
      if (src !== null && src !== undefined) ids[i * PART_SLOTS] = idOf(src);
    }
    return { ids, values };
  }
  for (let i = 0; i < n; i++) {
    const r = records[i];
    const src = partSource(r, part);
    if (src === null) continue;
    if (src !== undefined) {
      const packed = bySource.get(src);
      if (packed !== undefined) {
        ids[i * PART_SLOTS] = Math.floor(packed / PACK) - 1;
        ids[i * PART_SLOTS + 1] = (packed % PACK) - 1;
        continue;
      }
    }
    const vs = partValues(r, part);
    for (let t = 0; t < vs.length && t < PART_SLOTS; t++) ids[i * PART_SLOTS + t] = idOf(vs[t]);
    if (src !== undefined) bySource.set(src, (ids[i * PART_SLOTS] + 1) * PACK + ids[i * PART_SLOTS + 1] + 1);
  }
  return { ids, values };
}

export interface RuleKeyIds {
  /** Number of distinct keys of the rule. */
  count: number;
  /** The key as the string `ruleKeys` gives (for reports), by key id. */
  name(k: number): string;
}

/**
 * Writes the key ids of rule `r` into `keys[(r * n + i) * SLOTS + t]`. A key is the tuple of
 * its parts' value ids; tuples are ordered by a least-significant-part-first counting sort
 * (linear, typed arrays only) and numbered by runs of equal tuples. This replaced building
 * `rule:value:value` strings and interning them through a Map, which took ~18 s of
 * string building, hashing and garbage collection at 1.5 M records.
 */
export function encodeRule(rule: BlockingRule, r: number, parts: Map<BlockingPart, PartIds>, n: number, keys: Int32Array): RuleKeyIds {
  const ps = rule.on.map((p) => {
    const got = parts.get(p);
    if (!got) throw new Error(`blocking part ${p} was not interned`);
    return got;
  });
  const k = ps.length;
  if (k === 1) return singlePartRule(rule, r, ps[0], n, keys);
  // Entries: one per (record, combination of part values), first part outermost as in ruleKeys.
  let cap = 0;
  for (let i = 0; i < n; i++) cap += combinations(ps, i);
  const entRec = new Int32Array(cap);
  const entVal = new Int32Array(cap * k);
  const pick = new Int32Array(k);
  let e = 0;
  const cnts = new Int32Array(k);
  for (let i = 0; i < n; i++) {
    const c = combinations(ps, i);
    if (c === 0) continue;
    for (let j = 0; j < k; j++) cnts[j] = valueCount(ps[j], i);
    for (let m = 0; m < c; m++) {
      // Decode m as mixed radix over the parts' value counts, last part fastest.
      let rest = m;
      for (let j = k - 1; j >= 0; j--) {
        pick[j] = rest % cnts[j];
        rest = (rest - pick[j]) / cnts[j];
      }
      entRec[e] = i;
      for (let j = 0; j < k; j++) entVal[e * k + j] = ps[j].ids[i * PART_SLOTS + pick[j]];
      e++;
    }
  }
  // Least significant part first: a stable counting sort per part orders the tuples.
  let order = new Int32Array(cap);
  for (let x = 0; x < cap; x++) order[x] = x;
  let next = new Int32Array(cap);
  for (let j = k - 1; j >= 0; j--) {
    const card = ps[j].values.length;
    const start = new Int32Array(card + 1);
    for (let x = 0; x < cap; x++) start[entVal[x * k + j] + 1]++;
    for (let v = 0; v < card; v++) start[v + 1] += start[v];
    for (let x = 0; x < cap; x++) {
      const ent = order[x];
      next[start[entVal[ent * k + j]]++] = ent;
    }
    const t = order;
    order = next;
    next = t;
  }
  const first: number[] = [];
  const used = new Uint8Array(n);
  let id = -1;
  for (let x = 0; x < cap; x++) {
    const ent = order[x];
    if (x === 0 || !sameTuple(entVal, k, ent, order[x - 1])) {
      id++;
      first.push(ent);
    }
    const rec = entRec[ent];
    keys[(r * n + rec) * SLOTS + used[rec]++] = id;
  }
  return {
    count: id + 1,
    name: (key) => {
      let s = rule.name;
      for (let j = 0; j < k; j++) s += ':' + ps[j].values[entVal[first[key] * k + j]];
      return s;
    },
  };
}

/** A one-part rule's keys are its part's value ids already: no tuples to sort. */
function singlePartRule(rule: BlockingRule, r: number, p: PartIds, n: number, keys: Int32Array): RuleKeyIds {
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < PART_SLOTS && t < SLOTS; t++) {
      const v = p.ids[i * PART_SLOTS + t];
      if (v < 0) break;
      keys[(r * n + i) * SLOTS + t] = v;
    }
  }
  return { count: p.values.length, name: (key) => `${rule.name}:${p.values[key]}` };
}

function valueCount(p: PartIds, i: number): number {
  let c = 0;
  while (c < PART_SLOTS && p.ids[i * PART_SLOTS + c] >= 0) c++;
  return c;
}

/** Keys the record has under the rule: the product of its parts' value counts, at most SLOTS. */
function combinations(ps: PartIds[], i: number): number {
  let c = 1;
  for (let j = 0; j < ps.length && c > 0; j++) c *= valueCount(ps[j], i);
  return Math.min(c, SLOTS);
}

function sameTuple(vals: Int32Array, k: number, x: number, y: number): boolean {
  for (let j = 0; j < k; j++) if (vals[x * k + j] !== vals[y * k + j]) return false;
  return true;
}
