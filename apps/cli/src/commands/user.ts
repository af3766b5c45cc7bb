import { checkOptions, requireOption, UsageError } from '../args';
import { CliCommand } from '../command';
import { CLI_ACTOR, withDatabase } from '../database';

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) process.stderr.write('Password (then Enter, Ctrl-D): ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

export const userCommand: CliCommand = {
  name: 'user',
  usage:
    'user create --username U --role steward|senior-steward|auditor|admin   (password on stdin) | user disable --username U | user enable --username U | user set-role --username U --role R',
  summary:
    'Creates a console user (the first administrator, too; the password is read from standard input), disables or enables one, or changes its role. Disabling and role changes hold from the next request, in sessions already open too.',
  async run(args) {
    const action = args.positional.shift();
    if (action === 'create') {
      checkOptions(args, ['username', 'role']);
      const username = requireOption(args, 'username');
      const role = requireOption(args, 'role');
      const password = await readStdin();
      const user = await withDatabase(({ access }) => access.createUser(username, password, role, CLI_ACTOR));
      process.stdout.write(`Created user "${user.username}" with role ${user.role}\n`);
      return 0;
    }
    if (action === 'disable' || action === 'enable') {
      checkOptions(args, ['username']);
      const username = requireOption(args, 'username');
      await withDatabase(({ access }) =>
        action === 'disable'
          ? access.disableUser(username, CLI_ACTOR)
          : access.enableUser(username, CLI_ACTOR),
      );
      process.stdout.write(
        action === 'disable'
          ? `Disabled user "${username}": their sessions end now\n`
          : `Enabled user "${username}": they can sign in again\n`,
      );
      return 0;
    }
    if (action === 'set-role') {
      checkOptions(args, ['username', 'role']);
      const username = requireOption(args, 'username');
      const role = requireOption(args, 'role');
      await withDatabase(({ access }) => access.setUserRole(username, role, CLI_ACTOR));
      process.stdout.write(`User "${username}" now has the role ${role}, from their next request\n`);
      return 0;
    }
    throw new UsageError(
      `unknown action "${action ?? ''}" (use: user create, user disable, user enable, user set-role)`,
    );
  },
};
