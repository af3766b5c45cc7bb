import { writeFileSync } from 'node:fs';
import { trainModel } from '@concord/matching';
import { checkOptions, optionalOption, ParsedArgs, requireOption } from '../args';
import { CliCommand } from '../command';
import { loadModel } from '../batch/load-model';
import { Progress } from '../batch/progress';
import { loadRecords, updatesText, workersOption } from '../batch/run-batch';

export const trainCommand: CliCommand = {
  name: 'train',
  usage: 'train --input records.csv --out weights.json [--config base.json] [--seed N] [--workers N]',
  summary:
    'Estimate the model m/u probabilities and prior from unlabelled records (EM) and write it as JSON.',
  async run(args: ParsedArgs): Promise<number> {
    checkOptions(args, ['input', 'out', 'config', 'seed', 'workers']);
    const input = requireOption(args, 'input');
    const out = requireOption(args, 'out');
    const base = loadModel(optionalOption(args, 'config'));
    const progress = new Progress();
    progress.stage(`reading ${input}`);
    // The registrations only: a row superseded by a later update is not trained on.
    const { records, rows } = await loadRecords(input, workersOption(args), progress);
    progress.stage(`training on ${records.length} records`);
    const { model, report } = trainModel(records, base, {
      seed: Number(optionalOption(args, 'seed') ?? '42'),
    });
    writeFileSync(out, JSON.stringify(model, null, 2) + '\n');
    progress.done();
    process.stdout.write(
      `train: ${rows.ids.length} records${rows.updates > 0 ? ` (${updatesText(rows)})` : ''}, ${report.candidatePairs} candidate pairs, ${report.randomPairs} random pairs; ` +
        `EM ${report.em.converged ? 'converged' : 'did not converge'} in ${report.em.iterations} iterations; ` +
        `prior ${model.prior.toExponential(3)}; wrote ${out} (${model.version})\n`,
    );
    return 0;
  },
};
