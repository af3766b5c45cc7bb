import { checkOptions, requireOption, UsageError } from '../args';
import { CliCommand } from '../command';
import { CLI_ACTOR, withDatabase } from '../database';

export const apikeyCommand: CliCommand = {
  name: 'apikey',
  usage: 'apikey create --name NAME --scopes register,match,links',
  summary:
    'Creates an API key for an integrating system; prints the key alone on its last line (shown once, stored hashed).',
  async run(args) {
    const action = args.positional.shift();
    if (action !== 'create') throw new UsageError(`unknown action "${action ?? ''}" (use: apikey create)`);
    checkOptions(args, ['name', 'scopes']);
    const name = requireOption(args, 'name');
    const scopes = requireOption(args, 'scopes')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const { key, entity } = await withDatabase(({ access }) => access.createApiKey(name, scopes, CLI_ACTOR));
    process.stderr.write(
      `Created API key "${entity.name}" with scopes ${entity.scopes.join(', ')}. Store it now: it is not shown again.\n`,
    );
    process.stdout.write(`${key}\n`);
    return 0;
  },
};
