import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { CsvParser, CsvRow, RecordCsvMapper } from '@concord/domain';
import {
  BlockingPart,
  comparePairs,
  internPart,
  PartIds,
  compileModel,
  CountedTermFrequencies,
  decodeRecords,
  encodeRecords,
  MatchModel,
  RecordColumns,
  ScoredPairs,
  scorePairs,
  StandardRecord,
  standardise,
} from '@concord/matching';
import {
  registrationHash,
  registrationKey,
  registrationLocalId,
  registrationSystem,
  stringHash,
  withoutRows,
} from './registrations';

/** Read and standardise the rows of bytes [start, end) of a record CSV. */
export interface ReadRequest {
  kind: 'read';
  /** Which range of the file (the worker keeps its records under this number). */
  range: number;
  path: string;
  start: number;
  end: number;
  /** The header row, or null when the range starts with it (the first range). */
  header: string[] | null;
  /** The last range: a row without a final line break is a row, not a misplaced boundary. */
  last: boolean;
}

/**
 * Sent as events while a range is read, every CHUNK records: the main thread decodes one
 * chunk while the workers standardise the next, instead of decoding everything at the end.
 */
export interface ChunkEvent {
  range: number;
  columns: RecordColumns;
}

export interface ReadReply {
  /** Time spent reading and standardising, and encoding. */
  ms: { read: number; encode: number };
  /** The chunks sent for this range. */
  chunks: number;
  /** Line of each record, counted from the range's first line (1). */
  lineOf: Int32Array;
  /** 32-bit hash of each record_id, for the cross-range duplicate check. */
  idHash: Int32Array;
  /**
   * 32-bit hash of each record's registration (source_system, local_id): the main thread
   * asks for the keys of the rows whose hashes meet (KeysRequest), see registrations.ts.
   */
  keyHash: Int32Array;
  /** Line breaks in the range. */
  lines: number;
  /** Rejected rows (local line numbers). */
  rejects: Array<{ line: number; reason: string }>;
  /** The range's end fell inside a quoted field: the split is wrong and the caller re-reads. */
  misaligned: boolean;
}

/**
 * Every range's records in order, minus the global indices in `drop`. The worker decodes its
 * own range's chunks too rather than keeping the records it standardised: decoded records
 * share one hidden class, and a mix of the two shapes made the comparators' property loads
 * polymorphic (the compare stage took twice as long at 1 M persons).
 */
export interface RecordsRequest {
  kind: 'records';
  ranges: Array<{ range: number; chunks: RecordColumns[] }>;
  /** Ascending: rows rejected across ranges and rows superseded by a later update. */
  drop: Int32Array;
  /** Blocking parts to intern once the records are decoded (the main thread blocks with them). */
  parts: BlockingPart[];
}

export interface RecordsReply {
  count: number;
  parts: Array<[BlockingPart, PartIds]>;
}

/** Compare candidate pairs [from, to) (a, b hold just those pairs). */
export interface CompareRequest {
  kind: 'compare';
  model: MatchModel;
  a: Int32Array;
  b: Int32Array;
  from: number;
  to: number;
}

/** Score the pairs of the last compare with `model` (the base model, or the one EM estimated). */
export interface ScoreRequest {
  kind: 'score';
  model: MatchModel;
}

/**
 * The registration keys of some rows of the ranges this worker read last (local row
 * numbers); answered with one list of keys per range, after which the worker lets go of
 * its ranges' keys.
 */
export interface KeysRequest {
  kind: 'keys';
  ranges: Array<{ range: number; rows: Int32Array }>;
}

export type BatchRequest = ReadRequest | RecordsRequest | CompareRequest | ScoreRequest | KeysRequest;

/** A range's registrations: the values as read, kept until the main thread has asked for keys. */
interface RangeKeys {
  systems: string[];
  localIds: string[];
}

const CHUNK = 100_000;

async function readRange(
  req: ReadRequest,
  emit: (chunk: ChunkEvent) => void,
  { systems, localIds }: RangeKeys,
): Promise<ReadReply> {
  const t0 = performance.now();
  let encodeMs = 0;
  const parser = new CsvParser();
  let mapper = req.header === null ? null : new RecordCsvMapper({ line: 1, fields: req.header });
  const records: StandardRecord[] = [];
  const lineOf: number[] = [];
  const keyHash: number[] = [];
  const rejects: ReadReply['rejects'] = [];
  let lines = 0;
  let sent = 0;
  let chunks = 0;
  const flush = (all: boolean) => {
    while (records.length - sent >= CHUNK || (all && records.length > sent)) {
      const t = performance.now();
      const end = Math.min(records.length, sent + CHUNK);
      emit({ range: req.range, columns: encodeRecords(records.slice(sent, end)) });
      encodeMs += performance.now() - t;
      sent = end;
      chunks++;
    }
  };
  const take = (rows: CsvRow[]) => {
    for (const row of rows) {
      if (mapper === null) {
        mapper = new RecordCsvMapper(row);
        continue;
      }
      const res = mapper.map(row);
      if (res === null) continue;
      if (!res.ok) {
        rejects.push({ line: res.line, reason: res.reason });
        continue;
      }
      lineOf.push(res.line);
      const system = registrationSystem(res.record);
      const localId = registrationLocalId(res.record);
      systems.push(system);
      localIds.push(localId);
      keyHash.push(registrationHash(system, localId));
      records.push(standardise(res.record));
    }
    flush(false);
  };
  if (req.end > req.start) {
    const stream = createReadStream(req.path, {
      start: req.start,
      end: req.end - 1,
      encoding: 'utf8',
      highWaterMark: 1 << 20,
    });
    for await (const chunk of stream) {
      const text = chunk as string;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
      take(parser.push(text));
    }
  }
  const tail = parser.end();
  const misaligned = !req.last && tail.length > 0;
  if (misaligned) {
    return {
      ms: { read: 0, encode: 0 },
      chunks,
      lineOf: new Int32Array(0),
      idHash: new Int32Array(0),
      keyHash: new Int32Array(0),
      lines,
      rejects,
      misaligned,
    };
  }
  take(tail);
  flush(true);
  if (mapper === null && req.header === null) throw new Error(`${req.path} is empty (no header row)`);
  const idHashes = new Int32Array(records.length);
  for (let i = 0; i < records.length; i++) idHashes[i] = stringHash(records[i].recordId ?? '');
  const ms = { read: Math.round(performance.now() - t0 - encodeMs), encode: Math.round(encodeMs) };
  return {
    ms,
    chunks,
    lineOf: Int32Array.from(lineOf),
    idHash: idHashes,
    keyHash: Int32Array.from(keyHash),
    lines,
    rejects,
    misaligned,
  };
}

/** The worker loop: one request at a time, state kept between requests (records, the pair slice). */
export function runBatchWorker(): void {
  const port = parentPort;
  if (!port) throw new Error('runBatchWorker must run in a worker thread');
  let records: StandardRecord[] = [];
  let tf: CountedTermFrequencies | null = null;
  let slice: CompareRequest | null = null;
  let patterns: Int32Array<ArrayBufferLike> = new Int32Array(0);
  const keysOf = new Map<number, RangeKeys>();
  const handle = async (
    req: BatchRequest,
  ): Promise<{ value: unknown; transfer: ArrayBuffer[]; after?: () => void }> => {
    switch (req.kind) {
      case 'read': {
        const keys: RangeKeys = { systems: [], localIds: [] };
        const reply = await readRange(req, (event) => port.postMessage({ event }), keys);
        keysOf.set(req.range, keys);
        return {
          value: reply,
          transfer: [reply.lineOf, reply.idHash, reply.keyHash].map((a) => a.buffer as ArrayBuffer),
        };
      }
      case 'keys': {
        const value = req.ranges.map(({ range, rows }) => {
          const keys = keysOf.get(range);
          if (!keys) throw new Error(`no keys kept for range ${range}`);
          return Array.from(rows, (row) => registrationKey(keys.systems[row], keys.localIds[row]));
        });
        keysOf.clear();
        return { value, transfer: [] };
      }
      case 'records': {
        const all: StandardRecord[] = [];
        for (const r of req.ranges) decodeRecords(r.chunks, all);
        records = withoutRows(all, req.drop);
        keysOf.clear();
        tf = null;
        const parts = req.parts.map((p): [BlockingPart, PartIds] => [p, internPart(records, p)]);
        const reply: RecordsReply = { count: records.length, parts };
        // Term frequencies are counted after the reply: the main thread is then building the
        // rule keys and pairs (seconds at 1 M persons) and this core would sit idle.
        const after = () => (tf = CountedTermFrequencies.fromRecords(records));
        return { value: reply, transfer: parts.map(([, p]) => p.ids.buffer as ArrayBuffer), after };
      }
      case 'compare': {
        slice = req;
        // Shared, so the main thread reads the patterns (for EM) without a copy while this
        // worker keeps them for scoring.
        patterns = new Int32Array(
          new SharedArrayBuffer(Math.max(4, (req.to - req.from) * 4)),
          0,
          req.to - req.from,
        );
        comparePairs(compileModel(req.model), records, req.a, req.b, req.from, req.to, patterns);
        return { value: patterns, transfer: [] };
      }
      case 'score': {
        if (!slice) throw new Error('score before compare');
        tf ??= CountedTermFrequencies.fromRecords(records);
        const s: ScoredPairs = scorePairs(
          compileModel(req.model),
          records,
          tf,
          slice.a,
          slice.b,
          patterns,
          slice.from,
          slice.to,
        );
        return {
          value: s,
          transfer: [
            s.index.buffer as ArrayBuffer,
            s.weight.buffer as ArrayBuffer,
            s.decision.buffer as ArrayBuffer,
          ],
        };
      }
    }
  };
  port.on('message', (msg: { id: number; request: BatchRequest }) => {
    handle(msg.request).then(
      ({ value, transfer, after }) => {
        port.postMessage({ id: msg.id, ok: true, value }, transfer);
        after?.();
      },
      (error: unknown) =>
        port.postMessage({
          id: msg.id,
          ok: false,
          error: error instanceof Error ? (error.stack ?? error.message) : String(error),
        }),
    );
  });
}
