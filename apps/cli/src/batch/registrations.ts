import { DEFAULT_SOURCE_SYSTEM, SourceRecordInput } from '@concord/domain';
import { StandardRecord } from '@concord/matching';

/**
 * CONTRACT §2: (source_system, local_id) identifies a registration, and a later row for the
 * same pair is an update. The batch commands score registrations only: the latest row of
 * each pair stands for it, and an earlier row (superseded) takes no part in blocking, EM,
 * scoring or evaluation, but still gets its registration's person in clusters.csv.
 */

/**
 * The registration a row belongs to, as one string: empty source_system is `default`, empty
 * local_id is the record_id (the CSV mapper trims values and leaves empty ones out), as the
 * import's normaliseRecordInput has it. The system's length goes first so that no pair of
 * values can run into another whatever characters they hold (a NUL in a field included).
 */
export function registrationKey(record: SourceRecordInput & { recordId: string }): string {
  const system = record.sourceSystem ?? DEFAULT_SOURCE_SYSTEM;
  return `${system.length}\u0000${system}\u0000${record.localId ?? record.recordId}`;
}

/** 32-bit FNV-1a of a string (record ids, registration keys). */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * For each of `n` rows in file order, the row that holds its registration: the last row with
 * the same key. Null when every key is distinct (the usual case: nothing to undo).
 *
 * How: an open-addressing table of row numbers in one Int32Array, probed by the rows' 32-bit
 * key hashes (computed where the rows were read, on the workers); a slot whose row has the
 * same hash is confirmed by comparing the two keys, so the answer is exact whatever the hash
 * does. At 1.4 M rows unequal keys share a 32-bit hash about 230 times, so `keyOf` (which may
 * cut the key out of a worker's key text) runs for the updates and a few hundred others; the
 * table is a few MB and a pass over it some tens of ms, where a Map of a million strings
 * or numbers costs hundreds of ms and a GC's worth of objects.
 */
export function latestRows(
  n: number,
  hash: ArrayLike<number>,
  keyOf: (row: number) => string,
): Int32Array | null {
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(1 << bits); // first row of a key + 1; 0 = empty
  const firstOf: number[] = []; // row, first row with its key: for the repeated keys only
  const repeats: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = hash[i];
    let slot = Math.imul(h, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const at = table[slot];
      if (at === 0) {
        table[slot] = i + 1;
        break;
      }
      const j = at - 1;
      if (hash[j] === h && keyOf(j) === keyOf(i)) {
        repeats.push(i);
        firstOf.push(j);
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  if (repeats.length === 0) return null;
  const latest = new Int32Array(n);
  for (let i = 0; i < n; i++) latest[i] = i;
  // Rows in file order: the last repeat of a key leaves its row as the latest.
  for (let k = 0; k < repeats.length; k++) latest[firstOf[k]] = repeats[k];
  for (let k = 0; k < repeats.length; k++) latest[repeats[k]] = latest[firstOf[k]];
  return latest;
}

/** What the per-row outputs need besides the registrations themselves. */
export interface Rows {
  /** Rows superseded by a later row for the same (source_system, local_id). */
  updates: number;
  /** Every accepted row's record_id, in file order: clusters.csv has a line for each. */
  ids: string[];
  /** Each row's registration (an index into the records); null when none is superseded (row i is record i). */
  registrationOf: Int32Array | null;
}

/** Registrations (the latest row of each key, in file order) and the rows they stand for. */
export interface Registrations {
  records: StandardRecord[];
  ids: string[];
  rows: Rows;
  /** Superseded rows, ascending. */
  superseded: number[];
}

/** Keeps the latest row of each key (see latestRows) and maps every row to it. */
export function keepLatest(
  records: StandardRecord[],
  ids: string[],
  latest: Int32Array | null,
): Registrations {
  if (latest === null)
    return { records, ids, rows: { updates: 0, ids, registrationOf: null }, superseded: [] };
  const kept: StandardRecord[] = [];
  const keptIds: string[] = [];
  const superseded: number[] = [];
  const indexOf = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) {
    if (latest[i] !== i) {
      superseded.push(i);
      continue;
    }
    indexOf[i] = kept.length;
    kept.push(records[i]);
    keptIds.push(ids[i]);
  }
  const registrationOf = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) registrationOf[i] = indexOf[latest[i]];
  return {
    records: kept,
    ids: keptIds,
    rows: { updates: superseded.length, ids, registrationOf },
    superseded,
  };
}

/** `all` without the rows at the ascending indices `drop`. */
export function withoutRows<T>(all: T[], drop: ArrayLike<number>): T[] {
  if (drop.length === 0) return all;
  const out: T[] = [];
  let d = 0;
  for (let i = 0; i < all.length; i++) {
    if (d < drop.length && drop[d] === i) d++;
    else out.push(all[i]);
  }
  return out;
}
