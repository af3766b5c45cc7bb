import { createHash, randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { SourceRecordInput } from '@concord/domain';
import { MatchModel, standardise } from '@concord/matching';
import { normaliseRecordInput } from '../registration/record-input';
import { BulkRecord, buildChunk, ChunkContext, reviewTasksByOwner } from './bulk-chunk';
import { BulkPlan, planBulk } from './bulk-plan';
import { appendAudit, toAuditActor } from '../audit/audit-log';
import { sealAudit } from '../audit/audit-seal';
import { BulkChunk, writeChunk } from './bulk-writer';
import { deferIndexes, restoreDeferredIndexes } from './bulk-indexes';

/** Records to write from which a bulk load sets plain indexes aside and builds them at the end. */
const DEFER_INDEXES_FROM = 20_000;

/** A row of the input file that the CSV mapper accepted. */
export interface BulkRow {
  line: number;
  input: SourceRecordInput;
}

export interface BulkRejected {
  line: number;
  recordId: string;
  reason: string;
}

export type BulkProgress =
  | { kind: 'stage'; message: string }
  | { kind: 'write'; persons: number; personsTotal: number; records: number; recordsTotal: number };

export interface BulkImportOptions {
  model: MatchModel;
  actor?: string;
  /** Records per transaction (whole persons, so a chunk may hold a few more). */
  chunkRecords?: number;
  /** Refuse (rather than fall back to the per-record path) when the index is not empty. */
  requireBulk?: boolean;
  onProgress?: (progress: BulkProgress) => void;
  /** Chunks written at the same time (separate transactions; default 2). */
  parallel?: number;
  /** Set plain indexes aside (see bulk-indexes.ts) when at least this many records are written (default 20,000). */
  deferIndexesFrom?: number;
  /** Stop after this many chunks, as an interruption would (tests of resumption). */
  maxChunks?: number;
}

export interface BulkImportResult {
  /** bulk: empty index; resume: the same file after an interrupted bulk run; per-record: anything else. */
  mode: 'bulk' | 'resume' | 'per-record';
  counts: { new: number; linked: number; review: number; unchanged: number };
  rejected: BulkRejected[];
  /** Rows left to RegistrationService, in file order (repeated ids, partly written persons, or all in per-record mode). */
  remainder: BulkRow[];
  plan?: BulkPlan['stats'] & { persons: number };
  interrupted: boolean;
}

/** app_setting key of the fingerprint of the file a bulk import is loading. */
export const BULK_MARKER_KEY = 'bulk-import';

interface Existing {
  contentHash: string;
  recordId: string;
  personId: string;
}

const identity = (system: string, localId: string) => `${system}\u0000${localId}`;

/**
 * Loads a whole file into an empty index with the batch engine, writing whole persons per
 * transaction. Re-running the same file after an interruption skips the persons already
 * written and writes the rest; anything it cannot place safely in bulk (an index holding
 * other records, a repeated id, a person only partly written) is returned as `remainder`
 * for the per-record path, which matches it against what is already there.
 */
export async function bulkImport(
  dataSource: DataSource,
  rows: BulkRow[],
  options: BulkImportOptions,
): Promise<BulkImportResult> {
  const { model } = options;
  const actor = options.actor ?? 'cli:import';
  const progress = options.onProgress ?? (() => undefined);
  const stage = (message: string) => progress({ kind: 'stage', message });
  const rejected: BulkRejected[] = [];
  const records: BulkRecord[] = [];
  const remainder: BulkRow[] = [];
  const seen = new Set<string>();
  const fingerprint = createHash('sha256');
  stage(`normalising ${rows.length.toLocaleString('en-GB')} rows`);
  for (const row of rows) {
    let normalised: ReturnType<typeof normaliseRecordInput>;
    try {
      normalised = normaliseRecordInput(row.input);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      rejected.push({ line: row.line, recordId: row.input.recordId ?? '', reason });
      continue;
    }
    const key = identity(normalised.sourceSystem, normalised.localId);
    // A repeated id is an update of the first: the per-record path versions it afterwards.
    if (seen.has(key)) {
      remainder.push(row);
      continue;
    }
    seen.add(key);
    fingerprint.update(`${key}\u0000${normalised.contentHash}\n`);
    records.push({
      line: row.line,
      sourceSystem: normalised.sourceSystem,
      localId: normalised.localId,
      demographics: normalised.demographics,
      contentHash: normalised.contentHash,
      // Filled in below, only when the bulk path runs.
      standardised: null as unknown as BulkRecord['standardised'],
    });
  }
  const planHash = fingerprint.digest('hex');
  const counts = { new: 0, linked: 0, review: 0, unchanged: 0 };

  const existing = await loadExisting(dataSource);
  const marker = await readMarker(dataSource);
  const resumable =
    existing.size === 0 ||
    (marker === planHash &&
      records.every((r) => {
        const found = existing.get(identity(r.sourceSystem, r.localId));
        return !found || found.contentHash === r.contentHash;
      }) &&
      existing.size <= records.length);
  if (!resumable) {
    if (options.requireBulk)
      throw new Error(`the index already holds ${existing.size} records: a bulk import needs an empty index`);
    // Unchanged rows are answered here, as RegistrationService would, without a transaction each.
    const rest: BulkRow[] = [];
    const rejectedLines = new Set(rejected.map((r) => r.line));
    for (const row of rows) {
      if (rejectedLines.has(row.line)) continue;
      const n = normaliseRecordInput(row.input);
      const found = existing.get(identity(n.sourceSystem, n.localId));
      if (found && found.contentHash === n.contentHash) counts.unchanged++;
      else rest.push(row);
    }
    // An earlier bulk load that was interrupted may have left indexes set aside.
    await restoreDeferredIndexes(dataSource);
    return { mode: 'per-record', counts, rejected, remainder: rest, interrupted: false };
  }
  await writeMarker(dataSource, planHash);

  stage(`standardising ${records.length.toLocaleString('en-GB')} records`);
  for (const r of records) r.standardised = standardise(r.demographics);
  const plan = planBulk(
    records.map((r) => r.standardised),
    model,
    stage,
  );

  // Which persons are already written (a resumed run), which are new, which are partial.
  const nextId = orderedUuids();
  const personOf: Array<string | undefined> = new Array(plan.clusters);
  const recordIds: Array<string | undefined> = new Array(records.length);
  const toWrite: number[] = [];
  let recordsToWrite = 0;
  for (let c = 0; c < plan.clusters; c++) {
    const members = plan.clusterRecords.subarray(plan.clusterStart[c], plan.clusterStart[c + 1]);
    const found = Array.from(members, (i) =>
      existing.get(identity(records[i].sourceSystem, records[i].localId)),
    );
    const present = found.filter((f): f is Existing => f !== undefined);
    if (present.length === 0) {
      personOf[c] = nextId();
      for (const i of members) recordIds[i] = nextId();
      toWrite.push(c);
      recordsToWrite += members.length;
      continue;
    }
    counts.unchanged += present.length;
    personOf[c] = present[0].personId;
    members.forEach((i, m) => {
      if (found[m]) recordIds[i] = found[m]?.recordId;
      else remainder.push({ line: records[i].line, input: rowInput(records[i]) });
    });
  }
  remainder.sort((a, b) => a.line - b.line);

  const reviewsOwnedBy = reviewTasksByOwner(records, plan);
  const ctx: ChunkContext = { records, plan, model, personOf, recordIds, reviewsOwnedBy };

  const chunkRecords = options.chunkRecords ?? 5000;
  const now = new Date();
  let written = { persons: 0, records: 0 };
  let chunks = 0;
  const pending: Array<Promise<void>> = [];
  let previous: Promise<void> = Promise.resolve();
  const parallel = Math.max(1, options.parallel ?? 2);
  let interrupted = false;
  const report = () =>
    progress({
      kind: 'write',
      persons: written.persons,
      personsTotal: toWrite.length,
      records: written.records,
      recordsTotal: recordsToWrite,
    });
  if (recordsToWrite >= (options.deferIndexesFrom ?? DEFER_INDEXES_FROM)) {
    const deferred = await deferIndexes(dataSource);
    stage(`${deferred} indexes set aside until the end of the load`);
  }
  stage(`writing ${toWrite.length.toLocaleString('en-GB')} persons`);
  try {
    await writeChunks();
  } finally {
    // Also after a failed chunk: the index is left as complete as its committed chunks.
    await Promise.allSettled(pending);
    if (await restoreDeferredIndexes(dataSource)) stage('indexes built');
  }
  await sealAudit(dataSource, { wait: true });
  report();
  return {
    mode: existing.size === 0 ? 'bulk' : 'resume',
    counts,
    rejected,
    remainder,
    plan: { ...plan.stats, persons: plan.clusters },
    interrupted,
  };

  async function writeChunks(): Promise<void> {
    for (let start = 0; start < toWrite.length;) {
      if (options.maxChunks !== undefined && chunks >= options.maxChunks) {
        interrupted = true;
        break;
      }
      const batch: number[] = [];
      let size = 0;
      while (start < toWrite.length && (batch.length === 0 || size < chunkRecords)) {
        const c = toWrite[start++];
        batch.push(c);
        size += plan.clusterStart[c + 1] - plan.clusterStart[c];
      }
      // Built while earlier chunks are still being written, and up to `parallel` chunks in
      // flight: JavaScript and two database backends work at the same time. A chunk writes
      // its review tasks (which may name the previous chunk's rows) once that one committed.
      const { chunk, tally } = buildChunk(ctx, batch, now);
      while (pending.length >= parallel) await pending.shift();
      report();
      const write = writeInTransaction(dataSource, chunk, actor, previous).then(() => {
        counts.new += tally.new;
        counts.linked += tally.linked;
        counts.review += tally.review;
        written = { persons: written.persons + tally.persons, records: written.records + tally.records };
      });
      // Handled when awaited; this only keeps an early failure from counting as unhandled.
      write.catch(() => undefined);
      pending.push(write);
      previous = write;
      chunks++;
    }
    for (const write of pending) await write;
  }
}

/**
 * One chunk in its own transaction. Its review tasks may name a person or record of the
 * chunk before it, so they are written once that chunk has committed (a foreign key
 * check does not wait for a row another transaction has not inserted yet).
 */
async function writeInTransaction(
  dataSource: DataSource,
  chunk: BulkChunk,
  actor: string,
  previous: Promise<void>,
): Promise<void> {
  await dataSource.transaction(async (manager) => {
    // Whole chunks still commit atomically; a crash can lose only the last commits, which
    // a re-run writes again, so waiting for the WAL flush on every chunk buys nothing.
    await manager.query('SET LOCAL synchronous_commit = off');
    await writeChunk(manager, chunk, actor, () => previous);
    // One ledger event per chunk names every record and person it wrote: the bulk path is
    // as accountable as one-at-a-time registration, without 1.5 M chained appends.
    await appendAudit(manager, toAuditActor(actor), [
      {
        action: 'record.bulk-registered',
        personIds: chunk.persons.map((p) => p.id),
        recordIds: chunk.records.map((r) => r.id),
        after: {
          records: chunk.records.length,
          persons: chunk.persons.length,
          reviewTasks: chunk.reviews.length,
        },
        modelVersion: chunk.links.find((l) => l.mv)?.mv ?? null,
      },
    ]);
  });
}

async function loadExisting(dataSource: DataSource): Promise<Map<string, Existing>> {
  const rows: Array<{
    source_system: string;
    local_id: string;
    content_hash: string;
    id: string;
    person_id: string;
  }> = await dataSource.query(
    `SELECT r.source_system, r.local_id, r.content_hash, r.id, l.person_id
         FROM source_record r JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL`,
  );
  const map = new Map<string, Existing>();
  for (const row of rows)
    map.set(identity(row.source_system, row.local_id), {
      contentHash: row.content_hash,
      recordId: row.id,
      personId: row.person_id,
    });
  return map;
}

async function readMarker(dataSource: DataSource): Promise<string | null> {
  const rows: Array<{ value: string }> = await dataSource.query(
    `SELECT value FROM app_setting WHERE key = $1`,
    [BULK_MARKER_KEY],
  );
  return rows[0]?.value ?? null;
}

async function writeMarker(dataSource: DataSource, planHash: string): Promise<void> {
  await dataSource.query(
    `INSERT INTO app_setting (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`,
    [BULK_MARKER_KEY, planHash],
  );
}

function rowInput(r: BulkRecord): SourceRecordInput {
  return { ...r.demographics, sourceSystem: r.sourceSystem, localId: r.localId };
}

/**
 * UUIDs in the order they are written (version 7 layout: the time in milliseconds, then a
 * counter, then random bits). Every index keyed by a record or person id (primary keys,
 * links, blocking keys, versions) then grows at its right edge instead of touching a
 * random page per row: at a million persons that is the difference between a working set
 * that fits in memory and one that does not. Still unique across runs and replicas
 * (48 random bits per id), and indistinguishable from any other UUID to the rest of Concord.
 */
export function orderedUuids(now = Date.now()): () => string {
  let time = now.toString(16).padStart(12, '0').slice(-12);
  let counter = 0;
  return () => {
    if (counter === 1 << 26) {
      // Counter spent: carry into the next millisecond of the time field.
      time = (parseInt(time, 16) + 1).toString(16).padStart(12, '0').slice(-12);
      counter = 0;
    }
    const n = counter++;
    // 12 bits after the version nibble, 14 after the variant bits: 2^26 ids per run.
    const high = (n >>> 14) & 0xfff;
    const low = n & 0x3fff;
    const rand = randomBytes(6).toString('hex');
    return (
      `${time.slice(0, 8)}-${time.slice(8, 12)}-7${high.toString(16).padStart(3, '0')}-` +
      `${(0x8000 | low).toString(16)}-${rand}`
    );
  };
}
