import { checkOptions, optionalOption, ParsedArgs, requireOption } from '../args';
import { CliCommand } from '../command';
import { loadModel } from '../batch/load-model';
import { Progress } from '../batch/progress';
import { loadAndDedupe, stagesOption, updatesText, workersOption } from '../batch/run-batch';
import { writeResults } from '../batch/write-results';
import { reportBlocking } from '../batch/report';

export const dedupeCommand: CliCommand = {
  name: 'dedupe',
  usage:
    'dedupe --input records.csv --out DIR [--config weights.json] [--estimate] [--seed N] [--workers N] [--worker-stages auto|read|all]',
  summary: 'De-duplicate a record CSV in memory: writes DIR/clusters.csv and DIR/pairs.csv.',
  async run(args: ParsedArgs): Promise<number> {
    checkOptions(args, ['input', 'out', 'config', 'estimate', 'seed', 'workers', 'worker-stages']);
    const input = requireOption(args, 'input');
    const out = requireOption(args, 'out');
    const model = loadModel(optionalOption(args, 'config'));
    const seed = Number(optionalOption(args, 'seed') ?? '42');
    const workers = workersOption(args);
    const stages = stagesOption(args);
    const progress = new Progress();
    const started = Date.now();
    progress.stage(`reading ${input}`);
    const { ids, rows, rejected, result } = await loadAndDedupe(
      input,
      model,
      { workers, stages, estimate: args.options.has('estimate'), seed },
      progress,
    );
    reportBlocking(result);
    progress.stage(`writing ${out}`);
    writeResults(out, ids, rows, result);
    progress.done();
    const secs = (Date.now() - started) / 1000;
    const s = result.stats;
    // Records count the accepted rows (each has a line in clusters.csv), updated ones too.
    const n = rows.ids.length;
    const updates = rows.updates > 0 ? `, ${updatesText(rows)}` : '';
    process.stdout.write(
      `dedupe: ${n} records (${rejected} rejected${updates}) -> ${result.clusters} persons; ` +
        `${s.candidatePairs} candidate pairs, ${s.links} links, ${s.reviews} review pairs (${s.refusedLinks} links held by safety rules); ` +
        `model ${result.model.version}; ${secs.toFixed(1)} s (${Math.round(n / secs)} records/s)\n`,
    );
    return 0;
  },
};
