import { availableParallelism } from 'node:os';
import { dedupeRecords, DedupeResult, MatchModel, StandardRecord } from '@concord/matching';
import { optionalOption, ParsedArgs, UsageError } from '../args';
import { dedupeParallel } from './parallel-dedupe';
import { readRecordsParallel } from './parallel-read';
import { Progress } from './progress';
import { readRecords } from './read-records';
import { Rows } from './registrations';
import { WorkerPool } from './worker-pool';

/** `--workers N`: worker threads (default: one per core); 0 runs everything on the main thread. */
export function workersOption(args: ParsedArgs): number {
  const raw = optionalOption(args, 'workers');
  if (raw === undefined) return availableParallelism();
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 64)
    throw new UsageError(`--workers must be a whole number from 0 to 64, not "${raw}"`);
  return n;
}

/** Read, standardised and resolved to registrations: the records are the latest row of each (source_system, local_id). */
export interface LoadedRecords {
  records: StandardRecord[];
  ids: string[];
  rejected: number;
  rows: Rows;
}

/** Reads and standardises a record CSV, on `workers` threads (0: this thread). */
export async function loadRecords(
  input: string,
  workers: number,
  progress: Progress,
): Promise<LoadedRecords> {
  if (workers === 0) return readRecords(input, progress);
  const pool = new WorkerPool(workers);
  try {
    return await readRecordsParallel(input, pool, progress);
  } finally {
    await pool.close();
  }
}

/**
 * Which stages run on the workers: `read` (parse and standardise; the rest on the main
 * thread), `all` (also intern the blocking parts, compare and score) or `auto` (the default:
 * `all` from AUTO_ALL_RECORDS records, `read` below). `all` makes every worker decode all
 * records first, a fixed cost that only the compare and score of a large file repay: at 1 M
 * persons `all` took 45.3 s against 49.4 s for `read` (load 1–2; 39.3 s against 40.2 s in
 * another round), at 100 k persons 4.6 s against 3.7 s. It holds a copy of the records per
 * worker: 5.5 GB peak RSS against 3.8 GB at 1 M (libs/matching README, Speed).
 */
export type WorkerStages = 'read' | 'all' | 'auto';

const AUTO_ALL_RECORDS = 500_000;

export function stagesOption(args: ParsedArgs): WorkerStages {
  const raw = optionalOption(args, 'worker-stages') ?? 'auto';
  if (raw !== 'read' && raw !== 'all' && raw !== 'auto') {
    throw new UsageError(`--worker-stages must be read, all or auto, not "${raw}"`);
  }
  return raw;
}

export interface BatchOptions {
  workers: number;
  stages: WorkerStages;
  estimate: boolean;
  seed: number;
}

/**
 * Reads, standardises and de-duplicates a record CSV: `dedupe` and `evaluate`. The result's
 * record indices are the registrations' (`records`, `ids`); `rows` maps every accepted row,
 * superseded ones included, to its registration.
 */
export async function loadAndDedupe(
  input: string,
  model: MatchModel,
  options: BatchOptions,
  progress: Progress,
): Promise<LoadedRecords & { result: DedupeResult }> {
  const onProgress = (s: string) => progress.stage(s);
  const started = performance.now();
  // The read stage joins the stage timings on stderr (`timings ms`), so that bench runs show it.
  const withRead = (result: DedupeResult, readMs: number) => {
    result.stats.timings = { read: Math.round(readMs), ...result.stats.timings };
    return result;
  };
  if (options.workers === 0) {
    const read = await readRecords(input, progress);
    const readMs = performance.now() - started;
    progress.stage(readStage(read));
    const result = dedupeRecords(read.records, model, {
      estimate: options.estimate,
      seed: options.seed,
      onProgress,
    });
    return { ...read, result: withRead(result, readMs) };
  }
  const pool = new WorkerPool(options.workers);
  try {
    const read = await readRecordsParallel(input, pool, progress);
    const readMs = performance.now() - started;
    progress.stage(readStage(read));
    const stages =
      options.stages === 'auto' ? (read.records.length >= AUTO_ALL_RECORDS ? 'all' : 'read') : options.stages;
    if (stages === 'read') {
      await pool.close();
      const result = dedupeRecords(read.records, model, {
        estimate: options.estimate,
        seed: options.seed,
        onProgress,
      });
      return {
        records: read.records,
        ids: read.ids,
        rejected: read.rejected,
        rows: read.rows,
        result: withRead(result, readMs),
      };
    }
    const result = await dedupeParallel(read.records, read.ranges, read.drop, model, pool, {
      estimate: options.estimate,
      seed: options.seed,
      onProgress,
    });
    return {
      records: read.records,
      ids: read.ids,
      rejected: read.rejected,
      rows: read.rows,
      result: withRead(result, readMs),
    };
  } finally {
    await pool.close();
  }
}

/** `N updates`: rows that a later row for the same (source_system, local_id) supersedes. */
export function updatesText(rows: Rows): string {
  return `${rows.updates} update${rows.updates === 1 ? '' : 's'}`;
}

function readStage(read: LoadedRecords): string {
  const updates = read.rows.updates > 0 ? `, ${updatesText(read.rows)}` : '';
  return `read ${read.rows.ids.length} records (${read.rejected} rejected${updates})`;
}
