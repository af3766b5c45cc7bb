import { TermFrequencyStore } from '@concord/services';
import { checkOptions, UsageError } from '../args';
import { CliCommand } from '../command';
import { withDatabase } from '../database';

export const frequenciesCommand: CliCommand = {
  name: 'frequencies',
  usage: 'frequencies refresh',
  summary:
    'Recounts the term frequencies of family names, given names and postcodes from the loaded records (run after a bulk load; the API also refreshes them when stale).',
  async run(args) {
    const action = args.positional.shift();
    if (action !== 'refresh')
      throw new UsageError(`unknown action "${action ?? ''}" (use: frequencies refresh)`);
    checkOptions(args, []);
    const started = Date.now();
    const result = await withDatabase(({ db }) => new TermFrequencyStore(db.dataSource).refresh());
    process.stdout.write(
      `Counted ${result.values} distinct values over ${result.records} records in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
    );
    return 0;
  },
};
