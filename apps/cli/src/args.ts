/** Parsed command line: positional words and `--name value` / `--flag` options. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** Raised for a command line that cannot be understood; the message names the option. */
export class UsageError extends Error {}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      if (eq > 2) {
        options.set(arg.slice(2, eq), arg.slice(eq + 1));
      } else if (i + 1 < argv.length && !argv[i + 1].startsWith('--')) {
        options.set(arg.slice(2), argv[++i]);
      } else {
        options.set(arg.slice(2), true);
      }
    } else {
      positional.push(arg);
    }
  }
  return { positional, options };
}

/** The value of a required `--name value` option. */
export function requireOption(args: ParsedArgs, name: string): string {
  const value = args.options.get(name);
  if (value === undefined || value === true || value === '') throw new UsageError(`--${name} needs a value`);
  return value;
}

/** The value of an optional `--name value` option. */
export function optionalOption(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`--${name} needs a value`);
  return value;
}

/** Refuses options the command does not know, so a typo is never silently ignored. */
export function checkOptions(args: ParsedArgs, known: string[]): void {
  for (const name of args.options.keys()) {
    if (!known.includes(name)) throw new UsageError(`unknown option --${name} (known: ${known.map((k) => '--' + k).join(' ')})`);
  }
}
