import { DECISION_REVIEW, pairwiseMetrics } from '@concord/matching';
import { checkOptions, optionalOption, ParsedArgs, requireOption } from '../args';
import { CliCommand } from '../command';
import { loadModel } from '../batch/load-model';
import { Progress } from '../batch/progress';
import { readTruth } from '../batch/read-records';
import { loadAndDedupe, stagesOption, workersOption } from '../batch/run-batch';
import { reportBlocking } from '../batch/report';
import { writeResults } from '../batch/write-results';
import { RelationCounts, readRelations, relationLinks } from '../batch/relations';

export const evaluateCommand: CliCommand = {
  name: 'evaluate',
  usage:
    'evaluate --input records.csv --truth truth.csv [--relations relations.csv] [--config weights.json] [--estimate] [--out DIR] [--json] [--workers N] [--worker-stages auto|read|all]',
  summary: 'De-duplicate and measure pairwise precision, recall and F1 against truth (record_id,person_key).',
  async run(args: ParsedArgs): Promise<number> {
    checkOptions(args, [
      'input',
      'truth',
      'relations',
      'config',
      'estimate',
      'out',
      'json',
      'seed',
      'workers',
      'worker-stages',
    ]);
    const input = requireOption(args, 'input');
    const truthPath = requireOption(args, 'truth');
    const model = loadModel(optionalOption(args, 'config'));
    const progress = new Progress();
    progress.stage(`reading ${input}`);
    const { ids, rows, result } = await loadAndDedupe(
      input,
      model,
      {
        workers: workersOption(args),
        stages: stagesOption(args),
        estimate: args.options.has('estimate'),
        seed: Number(optionalOption(args, 'seed') ?? '42'),
      },
      progress,
    );
    const truth = await readTruth(truthPath);
    reportBlocking(result);
    const out = optionalOption(args, 'out');
    if (out) writeResults(out, ids, rows, result);
    progress.done();
    // Registrations are what is measured (`ids`, the latest row of each source_system and
    // local_id): a row superseded by a later update is the same registration, not a record
    // of its own, so its truth label is not read and it adds no pair either way.
    // Records absent from truth are their own person, so they can only add false positives.
    const keys = new Map<string, number>();
    const truthOf = new Int32Array(ids.length);
    let missing = 0;
    for (let i = 0; i < ids.length; i++) {
      let key = truth.get(ids[i]);
      if (key === undefined) {
        missing++;
        key = `\u0000${ids[i]}`;
      }
      let k = keys.get(key);
      if (k === undefined) {
        k = keys.size;
        keys.set(key, k);
      }
      truthOf[i] = k;
    }
    const review = { a: [] as number[], b: [] as number[] };
    for (let k = 0; k < result.pairA.length; k++) {
      if (result.pairDecision[k] === DECISION_REVIEW) {
        review.a.push(result.pairA[k]);
        review.b.push(result.pairB[k]);
      }
    }
    const m = pairwiseMetrics(result.clusterOf, truthOf, review);
    const relationsPath = optionalOption(args, 'relations');
    let relations: Record<string, RelationCounts> | undefined;
    if (relationsPath) {
      const personOf = ids.map((id) => truth.get(id) ?? `\u0000${id}`);
      relations = relationLinks(await readRelations(relationsPath), personOf, result.clusterOf);
    }
    if (args.options.has('json')) {
      process.stdout.write(
        JSON.stringify({
          records: ids.length,
          updates: rows.updates,
          ...m,
          relations,
          model: result.model.version,
          stats: result.stats,
        }) + '\n',
      );
      return 0;
    }
    const f = (x: number) => x.toFixed(4);
    const notes: string[] = [];
    if (missing > 0) notes.push(`${missing} not in truth`);
    if (rows.updates > 0)
      notes.push(
        `${rows.updates} earlier row${rows.updates === 1 ? '' : 's'} superseded by an update, not counted`,
      );
    process.stdout.write(
      [
        `records            ${ids.length}${notes.length > 0 ? ` (${notes.join('; ')})` : ''}`,
        `true pairs         ${m.truePairs}`,
        `auto-link pairs    ${m.predictedPairs} (every pair within an output cluster)`,
        `precision          ${f(m.precision)}`,
        `recall             ${f(m.recall)}`,
        `F1                 ${f(m.f1)}`,
        `link+review recall ${f(m.linkOrReviewRecall)}`,
        `review queue       ${m.reviewPairs} pairs (${((100 * m.reviewPairs) / Math.max(ids.length, 1)).toFixed(2)} % of records)`,
        `model              ${result.model.version}`,
        ...Object.entries(relations ?? {}).map(
          ([rel, c]) =>
            `auto-linked ${rel.padEnd(15)} ${c.linkedPersonPairs} of ${c.personPairs} person pairs (${c.linkedRecordPairs} record pairs)`,
        ),
      ].join('\n') + '\n',
    );
    return 0;
  },
};
