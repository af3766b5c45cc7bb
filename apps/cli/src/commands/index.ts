import { CliCommand } from '../command';
import { apikeyCommand } from './apikey';
import { auditCommand } from './audit';
import { importCommand } from './import';
import { userCommand } from './user';
import { dedupeCommand } from './dedupe';
import { evaluateCommand } from './evaluate';
import { trainCommand } from './train';
import { historyCommand } from './history';
import { modelCommand } from './model';
import { frequenciesCommand } from './frequencies';

/** Every command of `npm run empi -- <command>`, in the order `help` lists them. */
export const COMMANDS: CliCommand[] = [
  dedupeCommand,
  trainCommand,
  evaluateCommand,
  importCommand,
  apikeyCommand,
  userCommand,
  auditCommand,
  historyCommand,
  modelCommand,
  frequenciesCommand,
];
