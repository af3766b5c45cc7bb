import { CsvRow, csvLine } from '../csv/csv-parser';
import { RECORD_CSV_COLUMNS, RECORD_FIELDS, RecordField, SourceRecordInput } from './source-record';

export type RecordCsvResult =
  | { ok: true; line: number; record: SourceRecordInput & { recordId: string } }
  | { ok: false; line: number; reason: string };

/** Raised when a CSV header lacks a required column; names the column. */
export class RecordCsvHeaderError extends Error {}

/**
 * Maps rows of a record CSV (CONTRACT §2) to source records. Column order is free and
 * unknown columns are ignored. A row that cannot be read is rejected with its line and
 * reason; nothing is dropped silently.
 */
export class RecordCsvMapper {
  private readonly index: Array<[RecordField, number]>;
  private readonly width: number;
  private readonly seen = new Set<string>();

  constructor(header: CsvRow) {
    const columns = header.fields.map((f, i) => (i === 0 ? f.replace(/^\uFEFF/, '') : f).trim().toLowerCase());
    this.width = columns.length;
    this.index = [];
    for (const field of RECORD_FIELDS) {
      const at = columns.indexOf(RECORD_CSV_COLUMNS[field]);
      if (at >= 0) this.index.push([field, at]);
    }
    if (!columns.includes('record_id')) {
      throw new RecordCsvHeaderError(`line ${header.line}: the header has no record_id column (found: ${columns.join(', ')})`);
    }
  }

  map(row: CsvRow): RecordCsvResult | null {
    if (row.fields.length === 1 && row.fields[0].trim() === '') return null; // blank line
    if (row.fields.length !== this.width) {
      return {
        ok: false,
        line: row.line,
        reason: `expected ${this.width} fields as in the header, found ${row.fields.length}`,
      };
    }
    const record: SourceRecordInput = {};
    for (const [field, at] of this.index) {
      const value = row.fields[at].trim();
      if (value !== '') record[field] = value;
    }
    const recordId = record.recordId;
    if (!recordId) return { ok: false, line: row.line, reason: 'record_id is empty' };
    if (this.seen.has(recordId)) {
      return { ok: false, line: row.line, reason: `record_id "${recordId}" appears earlier in the file` };
    }
    this.seen.add(recordId);
    return { ok: true, line: row.line, record: { ...record, recordId } };
  }
}

/** The header line of a record CSV with every contract column. */
export function recordCsvHeader(): string {
  return csvLine(RECORD_FIELDS.map((f) => RECORD_CSV_COLUMNS[f]));
}

/** One record as a CSV line in the column order of `recordCsvHeader`. */
export function recordCsvLine(record: SourceRecordInput): string {
  return csvLine(RECORD_FIELDS.map((f) => record[f] ?? ''));
}
