import {
  BlockingPart,
  blockingParts,
  candidatePairs,
  clusterScored,
  DedupeResult,
  estimateModel,
  MatchModel,
  ScoredPairs,
  StandardRecord,
  TrainReport,
} from '@concord/matching';
import { CompareRequest, RecordsReply, RecordsRequest, ScoreRequest } from './batch-worker';
import { WorkerPool } from './worker-pool';

export interface ParallelDedupeOptions {
  estimate?: boolean;
  seed?: number;
  onProgress?: (stage: string) => void;
}

/**
 * `dedupeRecords` with the compare and score stages on worker threads. Every worker decodes
 * all records from the shared columns (while this thread blocks), takes one contiguous slice
 * of the candidate pairs, and returns level patterns (shared) and then its link and review
 * pairs; the slices are concatenated in order, so the result is the one-thread result
 * whatever the number of workers. Blocking, EM and clustering stay on this thread.
 */
export async function dedupeParallel(
  records: StandardRecord[],
  ranges: RecordsRequest['ranges'],
  drop: Int32Array,
  baseModel: MatchModel,
  pool: WorkerPool,
  options: ParallelDedupeOptions = {},
): Promise<DedupeResult> {
  const timings: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - t);
    t = now;
  };
  const progress = options.onProgress ?? (() => undefined);
  const workers = Array.from({ length: pool.size }, (_, w) => w);
  // Interning the blocking parts is the costly half of blocking, and the parts are
  // independent: each worker interns some (the NHS number and the name-pair part, the
  // costliest, on different workers) once it has decoded the records.
  const load = new Array<number>(pool.size).fill(0);
  const partsOf = workers.map((): BlockingPart[] => []);
  for (const p of blockingParts(baseModel)) {
    const w = load.indexOf(Math.min(...load));
    partsOf[w].push(p);
    load[w] += p === 'nhs' || p === 'namePhoneticPair' ? 3 : 1;
  }
  progress('blocking');
  const decoded = await Promise.all(
    workers.map((w) =>
      pool.call<RecordsReply>(w, {
        kind: 'records',
        ranges,
        drop,
        parts: partsOf[w],
      } satisfies RecordsRequest),
    ),
  );
  lap('decode+intern');
  const interned = new Map(decoded.flatMap((d) => d.parts));
  const cand = candidatePairs(records, baseModel, (rule) => progress(`blocking: ${rule}`), interned);
  lap('blocking');

  const total = cand.a.length;
  progress(`comparing ${total} candidate pairs on ${pool.size} worker${pool.size === 1 ? '' : 's'}`);
  const bounds = workers.map((w) => [
    Math.floor((total * w) / pool.size),
    Math.floor((total * (w + 1)) / pool.size),
  ]);
  const parts = await Promise.all(
    workers.map((w) => {
      const [from, to] = bounds[w];
      const a = cand.a.slice(from, to);
      const b = cand.b.slice(from, to);
      const req: CompareRequest = { kind: 'compare', model: baseModel, a, b, from, to };
      return pool.call<Int32Array>(w, req, [a.buffer, b.buffer]);
    }),
  );
  lap('compare');

  let model = baseModel;
  let training: TrainReport | undefined;
  if (options.estimate) {
    progress('estimating the model (EM)');
    const patterns = new Int32Array(total);
    workers.forEach((w) => patterns.set(parts[w], bounds[w][0]));
    const trained = estimateModel(baseModel, records, patterns, options.seed);
    model = trained.model;
    training = trained.report;
    lap('estimate');
  }

  progress('scoring');
  const scored = await Promise.all(
    workers.map((w) => pool.call<ScoredPairs>(w, { kind: 'score', model } satisfies ScoreRequest)),
  );
  lap('score');

  progress('clustering');
  const result = clusterScored(model, records, cand, scored, timings, training);
  lap('cluster');
  return result;
}
