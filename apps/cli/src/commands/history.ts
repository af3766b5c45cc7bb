import { invalid, parseInstant, PersonAtTime, PersonHistoryService } from '@concord/services';
import { checkOptions, requireOption } from '../args';
import { CliCommand } from '../command';
import { CLI_ACTOR, withDatabase } from '../database';

const round = (n: number | null, digits: number) => (n === null ? '–' : n.toFixed(digits));

/** The answer for a person reading it at a terminal. */
function describe(answer: PersonAtTime): string {
  const lines: string[] = [];
  lines.push(`Person ${answer.requestedId} at ${answer.at.toISOString()}`);
  for (const f of answer.followed)
    lines.push(
      `  ${f.personId} was retired${f.retiredAt ? ` at ${f.retiredAt.toISOString()}` : ''}; its successor ${f.successorId} answers`,
    );
  lines.push(
    `  person ${answer.personId}: ${answer.status} then (${answer.currentStatus} now${
      answer.currentSuccessorId ? `, successor ${answer.currentSuccessorId}` : ''
    }), ${answer.records.length} record${answer.records.length === 1 ? '' : 's'}`,
  );
  for (const r of answer.records) {
    lines.push(
      `  - ${r.sourceSystem} ${r.localId} (record ${r.recordId}): ${r.linkType} link, ${r.reason}, score ${round(r.score, 2)}, probability ${round(r.matchProbability, 4)}, model ${r.modelVersion ?? '–'}`,
    );
    lines.push(
      `      linked ${r.linkedAt.toISOString()} by ${r.linkedBy}${
        r.endedAt ? `; ended later, ${r.endedAt.toISOString()} by ${r.endedBy}` : ''
      }`,
    );
    for (const e of r.events)
      lines.push(
        `      ledger #${e.seq} ${e.occurredAt.toISOString()} ${e.action} by ${e.actor} (${e.actorRole})${
          e.reason ? `: ${e.reason}` : ''
        }`,
      );
    if (r.events.length === 0) lines.push('      no ledger event found for this link');
  }
  return `${lines.join('\n')}\n`;
}

export const historyCommand: CliCommand = {
  name: 'history',
  usage: 'history --person ID --at ISO-TIME [--json]',
  summary:
    'What the link table said about a person at an instant, and why: its records then, each link’s evidence and the ledger event behind it (an audited read).',
  async run(args) {
    checkOptions(args, ['person', 'at', 'json']);
    const personId = requireOption(args, 'person');
    // Named after the option here (the service names its own parameter, `id`).
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(personId))
      throw invalid('person', 'must be a person id (a UUID)');
    const at = parseInstant('at', requireOption(args, 'at'));
    const answer = await withDatabase(({ db }) =>
      new PersonHistoryService(db.dataSource).personAt(personId, at, CLI_ACTOR),
    );
    process.stdout.write(
      args.options.has('json') ? `${JSON.stringify(answer, null, 2)}\n` : describe(answer),
    );
    return 0;
  },
};
