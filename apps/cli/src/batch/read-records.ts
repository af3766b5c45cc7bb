import { createReadStream } from 'node:fs';
import { CsvParser, CsvRow, RecordCsvMapper } from '@concord/domain';
import { StandardRecord, standardise } from '@concord/matching';
import { Progress } from './progress';
import {
  keepLatest,
  latestRows,
  registrationHash,
  registrationKey,
  registrationLocalId,
  registrationSystem,
  Rows,
  rowsSharingHash,
} from './registrations';

export interface ReadResult {
  /** The registrations: the latest row of each (source_system, local_id), in file order. */
  records: StandardRecord[];
  ids: string[];
  rejected: number;
  /** Every accepted row, and which registration each belongs to. */
  rows: Rows;
}

/**
 * Streams a record CSV (CONTRACT §2) through the domain parser and standardises each
 * accepted row. Rejected rows are reported on stderr with line and reason, never dropped
 * silently; the file is never held as one string. A row superseded by a later row for the
 * same (source_system, local_id) is left out of `records` (registrations.ts).
 */
export async function readRecords(path: string, progress: Progress): Promise<ReadResult> {
  const parser = new CsvParser();
  let mapper: RecordCsvMapper | null = null;
  const records: StandardRecord[] = [];
  const ids: string[] = [];
  const systems: string[] = [];
  const localIds: string[] = [];
  const hashes: number[] = [];
  let rejected = 0;
  const take = (rows: CsvRow[]) => {
    for (const row of rows) {
      if (mapper === null) {
        mapper = new RecordCsvMapper(row);
        continue;
      }
      const res = mapper.map(row);
      if (res === null) continue;
      if (!res.ok) {
        rejected++;
        process.stderr.write(`${path}:${res.line}: rejected: ${res.reason}\n`);
        continue;
      }
      ids.push(res.record.recordId);
      const system = registrationSystem(res.record);
      const localId = registrationLocalId(res.record);
      systems.push(system);
      localIds.push(localId);
      hashes.push(registrationHash(system, localId));
      records.push(standardise(res.record));
    }
    progress.tick(`reading ${records.length.toLocaleString('en-GB')} records`);
  };
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  for await (const chunk of stream) take(parser.push(chunk as string));
  take(parser.end());
  if (mapper === null) throw new Error(`${path} is empty (no header row)`);
  const shared = rowsSharingHash(records.length, hashes);
  const latest =
    shared === null
      ? null
      : latestRows(records.length, shared, Array.from(shared, (i) => registrationKey(systems[i], localIds[i])));
  const kept = keepLatest(records, ids, latest);
  return { records: kept.records, ids: kept.ids, rejected, rows: kept.rows };
}

/** Reads truth.csv (`record_id,person_key`) into a map. */
export async function readTruth(path: string): Promise<Map<string, string>> {
  const parser = new CsvParser();
  const truth = new Map<string, string>();
  let header: string[] | null = null;
  let idCol = 0;
  let keyCol = 1;
  const take = (rows: CsvRow[]) => {
    for (const row of rows) {
      if (header === null) {
        header = row.fields.map((f) => f.trim().toLowerCase().replace(/^\uFEFF/, ''));
        idCol = header.indexOf('record_id');
        keyCol = header.indexOf('person_key');
        if (idCol < 0 || keyCol < 0) throw new Error(`${path}: the header needs record_id and person_key columns`);
        continue;
      }
      if (row.fields.length <= Math.max(idCol, keyCol)) continue;
      truth.set(row.fields[idCol].trim(), row.fields[keyCol].trim());
    }
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) take(parser.push(chunk as string));
  take(parser.end());
  return truth;
}
