import { CliCommand } from '../command';

/** Every command of `npm run empi -- <command>`, in the order `help` lists them. */
export const COMMANDS: CliCommand[] = [];
