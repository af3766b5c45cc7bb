import { ApiKeySummary } from '@concord/services';
import { checkOptions, optionalOption, ParsedArgs, requireOption, UsageError } from '../args';
import { CliCommand } from '../command';
import { CLI_ACTOR, withDatabase } from '../database';

const USAGE =
  'apikey create --name NAME --scopes register,match,links | list [--json] | rotate NAME [--grace-minutes N] | revoke NAME';

/** The one positional argument naming a key (`apikey rotate RIS-LEEDS`), or `--name`. */
function keyName(args: ParsedArgs, action: string): string {
  const given = args.positional.shift() ?? optionalOption(args, 'name');
  if (!given) throw new UsageError(`apikey ${action} needs the key's name (apikey ${action} NAME)`);
  if (args.positional.length > 0) throw new UsageError(`unexpected argument "${args.positional[0]}"`);
  return given;
}

async function create(args: ParsedArgs): Promise<number> {
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
}

function describeKey(k: ApiKeySummary): string {
  const state =
    k.status === 'revoked'
      ? `revoked ${k.revokedAt?.toISOString()}`
      : k.previousKeyValidUntil
        ? `active (previous secret accepted until ${k.previousKeyValidUntil.toISOString()})`
        : 'active';
  const rotated = k.rotatedAt ? `, rotated ${k.rotatedAt.toISOString()}` : '';
  return `${k.name}\t${k.keyPrefix}…\t${k.scopes.join(',')}\t${state}\tcreated ${k.createdAt.toISOString()}${rotated}`;
}

async function list(args: ParsedArgs): Promise<number> {
  checkOptions(args, ['json']);
  const keys = await withDatabase(({ access }) => access.listApiKeys());
  if (args.options.has('json')) {
    for (const k of keys) process.stdout.write(`${JSON.stringify(k)}\n`);
  } else if (keys.length === 0) {
    process.stderr.write('No API keys.\n');
  } else {
    process.stdout.write(`${keys.map(describeKey).join('\n')}\n`);
  }
  return 0;
}

async function rotate(args: ParsedArgs): Promise<number> {
  checkOptions(args, ['name', 'grace-minutes']);
  const name = keyName(args, 'rotate');
  const rawGrace = optionalOption(args, 'grace-minutes');
  const graceMinutes = rawGrace === undefined ? 0 : Number(rawGrace);
  if (rawGrace !== undefined && !/^\d+$/.test(rawGrace))
    throw new UsageError(`--grace-minutes must be a whole number of minutes (got "${rawGrace}")`);
  const { key, previousKeyValidUntil } = await withDatabase(({ access }) =>
    access.rotateApiKey(name, { graceMinutes }, CLI_ACTOR),
  );
  process.stderr.write(
    `Rotated API key "${name}". ${
      previousKeyValidUntil
        ? `The previous secret is accepted until ${previousKeyValidUntil.toISOString()}.`
        : 'The previous secret no longer works.'
    } Store the new one now: it is not shown again.\n`,
  );
  process.stdout.write(`${key}\n`);
  return 0;
}

async function revoke(args: ParsedArgs): Promise<number> {
  checkOptions(args, ['name']);
  const name = keyName(args, 'revoke');
  const entity = await withDatabase(({ access }) => access.revokeApiKey(name, CLI_ACTOR));
  process.stdout.write(
    `Revoked API key "${entity.name}" at ${entity.revokedAt?.toISOString()}: it no longer works.\n`,
  );
  return 0;
}

export const apikeyCommand: CliCommand = {
  name: 'apikey',
  usage: USAGE,
  summary:
    'API keys of integrating systems: create (prints the key alone on its last line, shown once, stored hashed), list, rotate (new secret shown once; the old one stops at once unless --grace-minutes), revoke (at once, on every replica).',
  async run(args) {
    const action = args.positional.shift();
    switch (action) {
      case 'create':
        return create(args);
      case 'list':
        return list(args);
      case 'rotate':
        return rotate(args);
      case 'revoke':
        return revoke(args);
      default:
        throw new UsageError(
          `unknown action "${action ?? ''}" (use: apikey create | list | rotate | revoke)`,
        );
    }
  },
};
