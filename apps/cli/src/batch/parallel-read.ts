import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { parseCsv, RecordCsvMapper } from '@concord/domain';
import { decodeRecords, RecordColumns, StandardRecord } from '@concord/matching';
import { Progress } from './progress';
import { ChunkEvent, KeysRequest, ReadReply, ReadRequest } from './batch-worker';
import { WorkerPool } from './worker-pool';
import { keepLatest, latestRows, Rows, rowsSharingHash, withoutRows } from './registrations';

export interface ParallelReadResult {
  /** The registrations: the latest row of each (source_system, local_id), in file order. */
  records: StandardRecord[];
  ids: string[];
  rejected: number;
  /** Every accepted row, and which registration each belongs to. */
  rows: Rows;
  /**
   * Each range's chunks and the rows to drop from them (ascending, counted over all the
   * ranges' rows: rejected across ranges, or superseded): what the workers decode again.
   */
  ranges: Array<{ range: number; chunks: RecordColumns[] }>;
  drop: Int32Array;
}

/** Offset just past the first line break at or after `from` (the file size when there is none). */
function nextLineStart(fd: number, from: number, size: number): number {
  const buf = Buffer.alloc(1 << 16);
  for (let pos = from; pos < size; pos += buf.length) {
    const got = readSync(fd, buf, 0, buf.length, pos);
    const nl = buf.subarray(0, got).indexOf(10);
    if (nl >= 0) return pos + nl + 1;
  }
  return size;
}

/**
 * Splits the file into one byte range per worker at line breaks; the first range holds the
 * header. A line break may sit inside a quoted field: the worker that reads the range
 * before it notices (its parser is left inside a row) and the file is then read as one range.
 */
function splitRanges(path: string, workers: number): { ranges: Array<[number, number]>; header: string[] } {
  const size = statSync(path).size;
  const fd = openSync(path, 'r');
  try {
    const headerEnd = nextLineStart(fd, 0, size);
    const head = Buffer.alloc(headerEnd);
    readSync(fd, head, 0, headerEnd, 0);
    const first = parseCsv(head.toString('utf8'))[0];
    // Checked here, as the one-thread reader does, so a missing file header is one plain
    // message (line 1) rather than a failure inside every worker.
    if (first === undefined) throw new Error(`${path} is empty (no header row)`);
    new RecordCsvMapper(first);
    const header = first.fields;
    const cuts = [0];
    for (let k = 1; k < workers; k++) {
      const cut = nextLineStart(fd, Math.max(headerEnd, Math.floor((size * k) / workers)), size);
      if (cut > cuts[cuts.length - 1] && cut < size) cuts.push(cut);
    }
    cuts.push(size);
    return { ranges: cuts.slice(1).map((end, k) => [cuts[k], end]), header };
  } finally {
    closeSync(fd);
  }
}

interface RangeRead {
  reply: ReadReply;
  chunks: RecordColumns[];
  records: StandardRecord[];
}

/**
 * Reads the ranges on the workers. Chunks arrive as events while the workers read, and are
 * decoded here as they come, so this thread's decoding overlaps the workers' standardising.
 */
async function readRanges(
  pool: WorkerPool,
  path: string,
  ranges: Array<[number, number]>,
  header: string[],
  progress: Progress,
): Promise<RangeRead[]> {
  const reads: RangeRead[] = ranges.map(() => ({
    reply: null as unknown as ReadReply,
    chunks: [],
    records: [],
  }));
  let count = 0;
  pool.onEvent = (_, event) => {
    const { range, columns } = event as ChunkEvent;
    reads[range].chunks.push(columns);
    decodeRecords([columns], reads[range].records);
    count += columns.count;
    progress.tick(`reading ${count.toLocaleString('en-GB')} records`);
  };
  try {
    const replies = await Promise.all(
      ranges.map(([start, end], k) => {
        const req: ReadRequest = {
          kind: 'read',
          range: k,
          path,
          start,
          end,
          header: k === 0 ? null : header,
          last: k === ranges.length - 1,
        };
        return pool.call<ReadReply>(k % pool.size, req);
      }),
    );
    replies.forEach((r, k) => (reads[k].reply = r));
    return reads;
  } finally {
    pool.onEvent = () => undefined;
  }
}

/**
 * Reads a record CSV on the pool's workers: each parses and standardises its own byte range
 * and sends typed columns (record-columns.ts), which this thread decodes in file order.
 * Same records, ids, rows and rejections, in the same order, as the one-thread `readRecords`.
 */
export async function readRecordsParallel(
  path: string,
  pool: WorkerPool,
  progress: Progress,
): Promise<ParallelReadResult> {
  const { ranges, header } = splitRanges(path, pool.size);
  let reads = await readRanges(pool, path, ranges, header, progress);
  if (reads.some((r) => r.reply.misaligned)) {
    process.stderr.write(`${path}: a quoted field spans a split point; reading it on one thread\n`);
    reads = await readRanges(pool, path, [[0, statSync(path).size]], header, progress);
  }
  if (process.env['EMPI_DEBUG']) {
    process.stderr.write(`read ms per worker: ${JSON.stringify(reads.map((r) => r.reply.ms))}\n`);
  }
  const all: StandardRecord[] =
    reads.length === 1 ? reads[0].records : ([] as StandardRecord[]).concat(...reads.map((r) => r.records));
  const replies = reads.map((r) => r.reply);
  // Global line numbers: a range's local line L is L plus the line breaks of the ranges before it.
  const rejects: Array<{ line: number; reason: string }> = [];
  const lineOf = new Float64Array(all.length);
  let lineBase = 0;
  let at = 0;
  for (const r of replies) {
    for (const x of r.rejects) rejects.push({ line: x.line + lineBase, reason: x.reason });
    for (let i = 0; i < r.lineOf.length; i++) lineOf[at++] = r.lineOf[i] + lineBase;
    lineBase += r.lines;
  }
  const drop = replies.length > 1 ? crossRangeDuplicates(all, replies, lineOf, rejects) : [];
  const accepted = withoutRows(all, drop);
  rejects.sort((x, y) => x.line - y.line);
  for (const x of rejects) process.stderr.write(`${path}:${x.line}: rejected: ${x.reason}\n`);
  const kept = keepLatest(
    accepted,
    accepted.map((r) => r.recordId ?? ''),
    await latestOfAccepted(pool, replies, drop, accepted.length),
  );
  return {
    records: kept.records,
    ids: kept.ids,
    rejected: rejects.length,
    rows: kept.rows,
    ranges: reads.map((r, range) => ({ range, chunks: r.chunks })),
    drop: mergeRows(drop, kept.superseded),
  };
}

/**
 * latestRows over the accepted rows (all the ranges' rows but `drop`): the hashes the workers
 * sent, then the keys of the rows whose hashes meet, asked of the workers that read them
 * (range k was read on worker k % pool.size, see readRanges).
 */
async function latestOfAccepted(
  pool: WorkerPool,
  replies: ReadReply[],
  drop: number[],
  n: number,
): Promise<Int32Array | null> {
  const starts: number[] = [];
  let total = 0;
  for (const r of replies) {
    starts.push(total);
    total += r.keyHash.length;
  }
  const hashOfRow = new Int32Array(total);
  replies.forEach((r, k) => hashOfRow.set(r.keyHash, starts[k]));
  // Accepted row i is row rowOf[i] of the ranges (row i when nothing was dropped).
  let rowOf: Int32Array | null = null;
  let hash = hashOfRow;
  if (drop.length > 0) {
    rowOf = new Int32Array(n);
    for (let row = 0, d = 0, i = 0; row < total; row++) {
      if (d < drop.length && drop[d] === row) d++;
      else rowOf[i++] = row;
    }
    hash = Int32Array.from(rowOf, (row) => hashOfRow[row]);
  }
  const shared = rowsSharingHash(n, hash);
  if (shared === null) return null;
  // Ascending rows, so each range's come together and in order.
  const rangeOf = new Int32Array(shared.length);
  const local = shared.map((i, x) => {
    const row = rowOf === null ? i : rowOf[i];
    let k = replies.length - 1;
    while (starts[k] > row) k--;
    rangeOf[x] = k;
    return row - starts[k];
  });
  const byWorker = new Map<number, KeysRequest['ranges']>();
  for (let k = 0, x = 0; k < replies.length; k++) {
    const from = x;
    while (x < shared.length && rangeOf[x] === k) x++;
    const worker = k % pool.size;
    if (!byWorker.has(worker)) byWorker.set(worker, []);
    byWorker.get(worker)?.push({ range: k, rows: local.slice(from, x) });
  }
  const answers = await Promise.all(
    [...byWorker].map(([worker, ranges]) =>
      pool.call<string[][]>(worker, { kind: 'keys', ranges } satisfies KeysRequest),
    ),
  );
  const keyLists: string[][] = [];
  [...byWorker.values()].forEach((ranges, w) =>
    ranges.forEach((r, j) => (keyLists[r.range] = answers[w][j])),
  );
  return latestRows(n, shared, keyLists.flat());
}

/** The rows of `drop` and those at `accepted` indices `superseded` (both ascending), as rows of all the ranges. */
function mergeRows(drop: number[], superseded: number[]): Int32Array {
  const out = new Int32Array(drop.length + superseded.length);
  let d = 0;
  let k = 0;
  // Accepted index i is row i plus the dropped rows at or before it.
  for (const i of superseded) {
    while (d < drop.length && drop[d] <= i + d) out[k++] = drop[d++];
    out[k++] = i + d;
  }
  while (d < drop.length) out[k++] = drop[d++];
  return out;
}

/**
 * A record_id repeated in a later range (each worker already rejects repeats inside its own
 * range). Candidates come from sorting 30-bit id hashes with the record index in the low bits
 * (one Float64Array sort instead of a Set of a million strings), then the ids are compared.
 */
function crossRangeDuplicates(
  records: StandardRecord[],
  replies: ReadReply[],
  lineOf: Float64Array,
  rejects: Array<{ line: number; reason: string }>,
): number[] {
  const n = records.length;
  const INDEX = 2 ** 23;
  const hashes = new Float64Array(n);
  if (n >= INDEX) {
    const seen = new Set<string>();
    const drop: number[] = [];
    for (let i = 0; i < n; i++) {
      const id = records[i].recordId ?? '';
      if (seen.has(id)) {
        drop.push(i);
        rejects.push({ line: lineOf[i], reason: `record_id "${id}" appears earlier in the file` });
      } else seen.add(id);
    }
    return drop;
  }
  let at = 0;
  for (const r of replies)
    for (let i = 0; i < r.idHash.length; i++, at++) hashes[at] = (r.idHash[i] >>> 2) * INDEX + at;
  hashes.sort();
  const drop: number[] = [];
  for (let x = 0; x < n;) {
    const h = Math.floor(hashes[x] / INDEX);
    let y = x + 1;
    while (y < n && Math.floor(hashes[y] / INDEX) === h) y++;
    for (let p = x + 1; p < y; p++) {
      const i = hashes[p] % INDEX;
      for (let q = x; q < p; q++) {
        const j = hashes[q] % INDEX;
        if (records[i].recordId === records[j].recordId) {
          drop.push(i);
          rejects.push({
            line: lineOf[i],
            reason: `record_id "${records[i].recordId}" appears earlier in the file`,
          });
          break;
        }
      }
    }
    x = y;
  }
  return drop.sort((p, q) => p - q);
}
