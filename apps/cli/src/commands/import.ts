import { createReadStream, createWriteStream } from 'node:fs';
import { CsvParser, csvLine, RecordCsvMapper } from '@concord/domain';
import { checkOptions, optionalOption, requireOption } from '../args';
import { CliCommand } from '../command';
import { withDatabase } from '../database';

/**
 * Loads a record CSV into the configured database with full matching, one registration
 * at a time through the same path as the REST API. Registrations are idempotent, so
 * running it again after an interruption neither duplicates nor loses records.
 */
export const importCommand: CliCommand = {
  name: 'import',
  usage: 'import --input records.csv [--report rejected.csv]',
  summary:
    'Loads a record CSV into the database with full matching; rejected rows are reported with line and reason.',
  async run(args) {
    checkOptions(args, ['input', 'report']);
    const input = requireOption(args, 'input');
    const reportPath = optionalOption(args, 'report');
    const report = reportPath ? createWriteStream(reportPath) : null;
    report?.write(csvLine(['line', 'record_id', 'reason']));
    const counts = { read: 0, linked: 0, new: 0, review: 0, unchanged: 0, rejected: 0 };
    const started = Date.now();
    const reject = (line: number, recordId: string, reason: string) => {
      counts.rejected++;
      process.stderr.write(`\nline ${line}: rejected: ${reason}\n`);
      report?.write(csvLine([line, recordId, reason]));
    };
    const progress = () => {
      const seconds = (Date.now() - started) / 1000;
      process.stderr.write(
        `\rimport: ${counts.read} rows, ${(counts.read / Math.max(seconds, 0.001)).toFixed(0)}/s, ${counts.rejected} rejected   `,
      );
    };
    await withDatabase(async ({ registration }) => {
      const parser = new CsvParser();
      let mapper: RecordCsvMapper | null = null;
      const handle = async (rows: ReturnType<CsvParser['push']>) => {
        for (const row of rows) {
          if (!mapper) {
            mapper = new RecordCsvMapper(row);
            continue;
          }
          const mapped = mapper.map(row);
          if (!mapped) continue;
          counts.read++;
          if (!mapped.ok) {
            reject(mapped.line, row.fields[0] ?? '', mapped.reason);
            continue;
          }
          try {
            const result = await registration.register(mapped.record, 'cli:import');
            if (result.unchanged) counts.unchanged++;
            else counts[result.decision]++;
          } catch (error) {
            reject(
              mapped.line,
              mapped.record.recordId,
              error instanceof Error ? error.message : String(error),
            );
          }
          if (counts.read % 200 === 0) progress();
        }
      };
      for await (const chunk of createReadStream(input, { encoding: 'utf8' }))
        await handle(parser.push(chunk as string));
      await handle(parser.end());
    });
    progress();
    await new Promise<void>((resolve) => (report ? report.end(resolve) : resolve()));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stderr.write('\n');
    process.stdout.write(
      `import: ${counts.read} rows in ${seconds} s: ${counts.new} new persons, ${counts.linked} linked, ${counts.review} for review, ` +
        `${counts.unchanged} unchanged, ${counts.rejected} rejected\n`,
    );
    return 0;
  },
};
