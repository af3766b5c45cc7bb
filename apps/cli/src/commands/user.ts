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
  usage: 'user create --username U --role steward|senior-steward|auditor|admin   (password on stdin)',
  summary: 'Creates a console user (the first administrator, too). The password is read from standard input.',
  async run(args) {
    const action = args.positional.shift();
    if (action !== 'create') throw new UsageError(`unknown action "${action ?? ''}" (use: user create)`);
    checkOptions(args, ['username', 'role']);
    const username = requireOption(args, 'username');
    const role = requireOption(args, 'role');
    const password = await readStdin();
    const user = await withDatabase(({ access }) => access.createUser(username, password, role, CLI_ACTOR));
    process.stdout.write(`Created user "${user.username}" with role ${user.role}\n`);
    return 0;
  },
};
