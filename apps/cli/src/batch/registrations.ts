import { DEFAULT_SOURCE_SYSTEM, SourceRecordInput } from '@concord/domain';
import { StandardRecord } from '@concord/matching';

/**
 * CONTRACT §2: (source_system, local_id) identifies a registration, and a later row for the
 * same pair is an update. The batch commands score registrations only: the latest row of
 * each pair stands for it, and an earlier row (superseded) takes no part in blocking, EM,
 * scoring or evaluation, but still gets its registration's person in clusters.csv.
 */

/**
 * A row's registration: its source_system (empty: `default`) and its local_id (empty: the
 * record_id), as the import's normaliseRecordInput has them; the CSV mapper has trimmed the
 * values and left empty ones out.
 */
export function registrationSystem(record: SourceRecordInput): string {
  return record.sourceSystem ?? DEFAULT_SOURCE_SYSTEM;
}

export function registrationLocalId(record: SourceRecordInput & { recordId: string }): string {
  return record.localId ?? record.recordId;
}

/**
 * The registration as one string, for comparing two rows exactly. The system's length goes
 * first so that no pair of values can run into another, whatever characters they hold.
 */
export function registrationKey(system: string, localId: string): string {
  return `${system.length}\u0000${system}\u0000${localId}`;
}

/**
 * 32-bit FNV-1a of the registration, read from the two values in place: building the key
 * string for every row first cost more than hashing it (at 1.5 M rows 0.4 s against 0.2 s).
 * 0x10000 between them is no UTF-16 code unit, so it cannot stand for a character.
 */
export function registrationHash(system: string, localId: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < system.length; i++) h = Math.imul(h ^ system.charCodeAt(i), 0x01000193);
  h = Math.imul(h ^ 0x10000, 0x01000193);
  for (let i = 0; i < localId.length; i++) h = Math.imul(h ^ localId.charCodeAt(i), 0x01000193);
  return h | 0;
}

/** 32-bit FNV-1a of a string (record ids). */
export function stringHash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h | 0;
}

/*
 * Finding the updates takes two steps, so that the workers send one 32-bit hash per row and
 * the keys of a few rows only, not the key of every row (30 MB of text at 1.5 M rows, and
 * 0.5 s of worker time to build and join it):
 * 1. rowsSharingHash: rows whose hash another row has. An open-addressing table of row
 *    numbers in one Int32Array, probed by the hashes: some tens of ms at 1.5 M rows, where a
 *    Map of that many keys costs hundreds of ms and a GC's worth of objects. A 32-bit hash
 *    lets about 270 pairs of different keys meet at 1.5 M rows; the rest are the updates.
 * 2. latestRows: the keys of just those rows (asked of the workers) compared exactly. Equal
 *    keys have equal hashes, so every repeated key is among them, and a chance collision of
 *    hashes is never taken for an update.
 */

/** Rows whose key hash another row shares, ascending; null when every hash is distinct (no updates). */
export function rowsSharingHash(n: number, hash: ArrayLike<number>): Int32Array | null {
  let bits = 4;
  while (1 << bits < 2 * n) bits++;
  const mask = (1 << bits) - 1;
  const table = new Int32Array(1 << bits); // first row with a hash + 1; 0 = empty
  let shared: Uint8Array | null = null;
  let count = 0;
  for (let i = 0; i < n; i++) {
    const h = hash[i];
    let slot = Math.imul(h, 0x9e3779b1) >>> (32 - bits);
    for (;;) {
      const at = table[slot];
      if (at === 0) {
        table[slot] = i + 1;
        break;
      }
      if (hash[at - 1] === h) {
        shared ??= new Uint8Array(n);
        if (shared[at - 1] === 0) {
          shared[at - 1] = 1;
          count++;
        }
        shared[i] = 1;
        count++;
        break;
      }
      slot = (slot + 1) & mask;
    }
  }
  if (shared === null) return null;
  const rows = new Int32Array(count);
  for (let i = 0, k = 0; i < n; i++) if (shared[i] === 1) rows[k++] = i;
  return rows;
}

/**
 * For each of `n` rows in file order, the row that holds its registration: the last row with
 * the same key (the row itself unless it is superseded). `rows` are rowsSharingHash's rows
 * and `keys` their keys; null when no key repeats.
 */
export function latestRows(n: number, rows: ArrayLike<number>, keys: readonly string[]): Int32Array | null {
  const firstWith = new Map<string, number>();
  const firstOf: number[] = [];
  const repeats: number[] = [];
  for (let k = 0; k < rows.length; k++) {
    const first = firstWith.get(keys[k]);
    if (first === undefined) firstWith.set(keys[k], rows[k]);
    else {
      repeats.push(rows[k]);
      firstOf.push(first);
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
