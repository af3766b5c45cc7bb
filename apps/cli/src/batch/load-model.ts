import { readFileSync } from 'node:fs';
import { DEFAULT_MODEL, MatchModel, validateModel } from '@concord/matching';

/** The model of `--config FILE`, validated (the error names the JSON path at fault), or the shipped default. */
export function loadModel(path: string | undefined): MatchModel {
  if (path === undefined) return DEFAULT_MODEL;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read model ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return validateModel(json);
  } catch (error) {
    throw new Error(`model ${path} is invalid: ${error instanceof Error ? error.message : String(error)}`);
  }
}
