import { createReadStream, createWriteStream } from 'node:fs';
import { CsvParser, CsvRow, csvLine, RecordCsvMapper } from '@concord/domain';
import { bulkImport, BulkProgress, BulkRow, sealAudit } from '@concord/services';
import { checkOptions, optionalOption, requireOption } from '../args';
import { CliCommand } from '../command';
import { withDatabase } from '../database';

/**
 * Loads a record CSV into the configured database with full matching. Into an empty index
 * (or to resume an interrupted bulk run of the same file) the batch engine places the whole
 * file and writes whole persons per transaction; everything else goes one registration at
 * a time through the same path as the REST API. Both are restartable: running it again
 * after an interruption neither duplicates nor loses records.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import --input records.csv [--report rejected.csv] [--bulk | --per-record]',
  summary:
    'Loads a record CSV into the database with full matching; rejected rows are reported with line and reason.',
  async run(args) {
    checkOptions(args, ['input', 'report', 'bulk', 'per-record']);
    const input = requireOption(args, 'input');
    const reportPath = optionalOption(args, 'report');
    if (args.options.has('bulk') && args.options.has('per-record'))
      throw new Error('--bulk and --per-record exclude each other');
    const report = reportPath ? createWriteStream(reportPath) : null;
    report?.write(csvLine(['line', 'record_id', 'reason']));
    const counts = { read: 0, linked: 0, new: 0, review: 0, updated: 0, unchanged: 0, rejected: 0 };
    const rejections: Array<[number, string, string]> = [];
    const started = Date.now();
    const reject = (line: number, recordId: string, reason: string) => {
      counts.rejected++;
      process.stderr.write(`\nline ${line}: rejected: ${reason}\n`);
      rejections.push([line, recordId, reason]);
    };
    const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;

    const rows = await readRows(input, reject, (read) => {
      counts.read = read;
      if (read % 50_000 === 0) process.stderr.write(`\rimport: reading ${read} rows (${elapsed()})   `);
    });
    await withDatabase(async ({ db, registration, model }) => {
      let remainder = rows;
      if (!args.options.has('per-record')) {
        const result = await bulkImport(db.dataSource, rows, {
          model,
          actor: 'cli:import',
          requireBulk: args.options.has('bulk'),
          onProgress: (p) => process.stderr.write(progressLine(p, elapsed())),
        });
        for (const r of result.rejected) reject(r.line, r.recordId, r.reason);
        counts.new += result.counts.new;
        counts.linked += result.counts.linked;
        counts.review += result.counts.review;
        counts.unchanged += result.counts.unchanged;
        remainder = result.remainder;
        if (result.plan)
          process.stderr.write(
            `\nimport: ${result.mode}: ${result.plan.persons} persons from ${result.plan.candidatePairs} candidate pairs ` +
              `(${result.plan.linkPairs} links, ${result.plan.reviewPairs} review pairs), ${remainder.length} rows one at a time (${elapsed()})\n`,
          );
      }
      let done = 0;
      for (const row of remainder) {
        try {
          const result = await registration.register(row.input, 'cli:import');
          // An update is counted once, as an update, whatever it decided for its record.
          if (result.unchanged) counts.unchanged++;
          else if (result.updated) counts.updated++;
          else counts[result.decision]++;
        } catch (error) {
          reject(row.line, row.input.recordId ?? '', error instanceof Error ? error.message : String(error));
        }
        if (++done % 200 === 0 || done === remainder.length)
          process.stderr.write(
            `\rimport: one at a time ${done}/${remainder.length}, ${(done / Math.max((Date.now() - started) / 1000, 0.001)).toFixed(0)}/s   `,
          );
      }
      // Chains the import's audit events now rather than at the next server's sealing pass.
      await sealAudit(db.dataSource, { wait: true });
    });
    // The report is in line order whichever path rejected a row.
    rejections.sort((a, b) => a[0] - b[0]);
    for (const r of rejections) report?.write(csvLine(r));
    await new Promise<void>((resolve) => (report ? report.end(resolve) : resolve()));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write('\n');
    process.stdout.write(
      `import: ${counts.read} rows in ${seconds} s: ${counts.new} new persons, ${counts.linked} linked, ${counts.review} for review, ` +
        `${counts.updated} updated, ${counts.unchanged} unchanged, ${counts.rejected} rejected\n`,
    );
    return 0;
  },
};

/** The accepted rows of the file (the batch engine needs all of them); rejections go to `reject`. */
async function readRows(
  path: string,
  reject: (line: number, recordId: string, reason: string) => void,
  onRow: (read: number) => void,
): Promise<BulkRow[]> {
  const parser = new CsvParser();
  let mapper: RecordCsvMapper | null = null;
  const rows: BulkRow[] = [];
  let read = 0;
  const take = (batch: CsvRow[]) => {
    for (const row of batch) {
      if (!mapper) {
        mapper = new RecordCsvMapper(row);
        continue;
      }
      const mapped = mapper.map(row);
      if (!mapped) continue;
      onRow(++read);
      if (mapped.ok) rows.push({ line: mapped.line, input: mapped.record });
      else reject(mapped.line, row.fields[0] ?? '', mapped.reason);
    }
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }))
    take(parser.push(chunk as string));
  take(parser.end());
  return rows;
}

/** A progress bar for the write phase, stage lines otherwise (stderr; stdout keeps the summary). */
function progressLine(p: BulkProgress, elapsed: string): string {
  if (p.kind === 'stage') return `\nimport: ${p.message} (${elapsed})`;
  const share = p.recordsTotal === 0 ? 1 : p.records / p.recordsTotal;
  const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
  return `\rimport: [${bar}] ${(share * 100).toFixed(1)} % ${p.persons}/${p.personsTotal} persons, ${p.records}/${p.recordsTotal} records (${elapsed})   `;
}
