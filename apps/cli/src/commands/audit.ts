import { createWriteStream } from 'node:fs';
import { Writable } from 'node:stream';
import { once } from 'node:events';
import {
  appendAudit,
  AuditLedger,
  auditExportLines,
  parseAuditFilter,
  parseAuditFormat,
} from '@concord/services';
import { checkOptions, optionalOption, requireOption, UsageError } from '../args';
import { CliCommand } from '../command';
import { CLI_ACTOR, withDatabase } from '../database';

async function exportCommand(args: Parameters<CliCommand['run']>[0]): Promise<number> {
  checkOptions(args, ['from', 'to', 'format', 'out', 'person', 'actor', 'action']);
  const filter = parseAuditFilter({
    from: requireOption(args, 'from'),
    to: requireOption(args, 'to'),
    personId: optionalOption(args, 'person'),
    actor: optionalOption(args, 'actor'),
    action: optionalOption(args, 'action'),
  });
  const format = parseAuditFormat(requireOption(args, 'format'));
  const outPath = optionalOption(args, 'out');
  const out: Writable = outPath ? createWriteStream(outPath) : process.stdout;
  let count = 0;
  await withDatabase(async ({ db }) => {
    // The export is itself audited, before any row leaves the database.
    await db.dataSource.transaction((m) =>
      appendAudit(m, CLI_ACTOR, [
        {
          action: 'audit.exported',
          // An export of one person's history is a read of that person's data: name them.
          personIds: filter.personId ? [filter.personId] : [],
          after: { ...filter, format, out: outPath ?? 'stdout' },
        },
      ]),
    );
    for await (const line of auditExportLines(new AuditLedger(db.dataSource), filter, format)) {
      if (!out.write(line)) await once(out, 'drain');
      count++;
    }
  });
  if (outPath) await new Promise<void>((resolve) => out.end(resolve));
  process.stderr.write(
    `audit export: ${format === 'csv' ? count - 1 : count} events${outPath ? ` written to ${outPath}` : ''}\n`,
  );
  return 0;
}

async function verifyCommand(args: Parameters<CliCommand['run']>[0]): Promise<number> {
  checkOptions(args, []);
  const started = Date.now();
  const result = await withDatabase(({ db }) =>
    new AuditLedger(db.dataSource).verify((n) => process.stderr.write(`\raudit verify: ${n} events checked`)),
  );
  process.stderr.write('\n');
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.ok) {
    process.stdout.write(`audit verify: the chain holds: ${result.checked} events checked in ${seconds} s\n`);
    return 0;
  }
  process.stdout.write(
    `audit verify: BROKEN at event ${result.firstBroken?.seq}: ${result.firstBroken?.problem} (${result.checked} events before it hold)\n`,
  );
  return 1;
}

export const auditCommand: CliCommand = {
  name: 'audit',
  usage:
    'audit export --from ISO --to ISO --format csv|ndjson [--out FILE] [--person ID] [--actor A] [--action X] | audit verify',
  summary:
    'Exports the audit ledger for a time range (streamed), or verifies its hash chain and names the first broken event.',
  async run(args) {
    const action = args.positional.shift();
    if (action === 'export') return exportCommand(args);
    if (action === 'verify') return verifyCommand(args);
    throw new UsageError(`unknown action "${action ?? ''}" (use: audit export, audit verify)`);
  },
};
