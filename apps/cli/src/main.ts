import { parseArgs, UsageError } from './args';
import { COMMANDS } from './commands';
import { runBatchWorker } from './batch/batch-worker';
import { isBatchWorker } from './batch/worker-pool';

function help(): string {
  const lines = ['Usage: npm run empi -- <command> [options]', '', 'Commands:'];
  for (const c of COMMANDS) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  return lines.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const args = parseArgs(argv);
  const name = args.positional.shift();
  if (!name || name === 'help' || args.options.has('help')) {
    process.stdout.write(help() + '\n');
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    process.stderr.write(`empi: unknown command "${name}"\n\n${help()}\n`);
    return 2;
  }
  try {
    return await command.run(args);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`empi ${name}: ${error.message}\nUsage: ${command.usage}\n`);
      return 2;
    }
    process.stderr.write(`empi ${name}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

// The batch commands' worker threads run this same bundle (see batch/worker-pool.ts).
if (isBatchWorker()) {
  runBatchWorker();
} else {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
