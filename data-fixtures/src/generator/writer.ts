import { createWriteStream, mkdirSync, writeFileSync, WriteStream } from 'node:fs';
import { join } from 'node:path';
import { csvLine, recordCsvHeader, recordCsvLine } from '@concord/domain';
import { NumberedRecord, PopulationOptions, RecordSink, Relation, generatePopulation } from './generate';
import { PopulationSummary } from './summary';

/** Lines are batched into chunks of about this many characters before each stream write. */
const CHUNK = 1 << 16;

/** A text stream that batches small writes and waits for 'drain' when the OS falls behind. */
class BatchedStream {
  private buffer = '';
  private readonly stream: WriteStream;

  constructor(path: string, header: string) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.buffer = header;
  }

  /** Appends text; returns a promise when the stream asked the producer to pause. */
  append(text: string): Promise<void> | undefined {
    this.buffer += text;
    if (this.buffer.length < CHUNK) return undefined;
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    return ok ? undefined : new Promise((resolve) => this.stream.once('drain', () => resolve()));
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => {
      this.stream.once('error', reject);
      this.stream.end(this.buffer, () => resolve());
      this.buffer = '';
    });
  }
}

/** Writes records.csv and truth.csv side by side, and relations.csv (the hard negatives). */
export class PopulationFileSink implements RecordSink {
  private readonly records: BatchedStream;
  private readonly truth: BatchedStream;
  private readonly relations: BatchedStream;

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.records = new BatchedStream(join(dir, 'records.csv'), recordCsvHeader());
    this.truth = new BatchedStream(join(dir, 'truth.csv'), csvLine(['record_id', 'person_key']));
    this.relations = new BatchedStream(join(dir, 'relations.csv'), csvLine(['person_key_a', 'person_key_b', 'relation']));
  }

  /**
   * A relation row. Relations are few (about 4 per 100 persons) and come between records,
   * so a full buffer is flushed without waiting for 'drain'; the records stream paces the run.
   */
  relation(a: string, b: string, relation: Relation): void {
    void this.relations.append(`${a},${b},${relation}\n`);
  }

  write(item: NumberedRecord): Promise<void> | undefined {
    const a = this.records.append(recordCsvLine({ recordId: item.recordId, ...item.record }));
    const b = this.truth.append(`${item.recordId},${item.personKey}\n`);
    if (a && b) return Promise.all([a, b]).then(() => undefined);
    return a ?? b;
  }

  async close(): Promise<void> {
    await Promise.all([this.records.close(), this.truth.close(), this.relations.close()]);
  }
}

export interface PopulationFiles {
  records: string;
  truth: string;
  relations: string;
  summary: string;
}

/** Generates a population into DIR/records.csv, DIR/truth.csv and DIR/summary.json. */
export async function writePopulation(options: PopulationOptions, dir: string): Promise<{ files: PopulationFiles; summary: PopulationSummary }> {
  const sink = new PopulationFileSink(dir);
  const summary = await generatePopulation({ ...options, onRelation: (a, b, r) => sink.relation(a, b, r) }, sink);
  await sink.close();
  const files = {
    records: join(dir, 'records.csv'),
    truth: join(dir, 'truth.csv'),
    relations: join(dir, 'relations.csv'),
    summary: join(dir, 'summary.json'),
  };
  writeFileSync(files.summary, JSON.stringify(summary, null, 2) + '\n');
  return { files, summary };
}
