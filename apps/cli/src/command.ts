import { ParsedArgs } from './args';

/** One `empi` command. `run` resolves to the process exit code. */
export interface CliCommand {
  name: string;
  usage: string;
  summary: string;
  run(args: ParsedArgs): Promise<number>;
}
