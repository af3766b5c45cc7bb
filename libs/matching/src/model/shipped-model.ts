// Named apart from default-model.json: Node resolves an extensionless `default-model` to the
// .json before a registered .ts loader (ts-node in tools/scripts/bench-score.mjs) sees it.
import { MatchModel } from './types';
import { validateModel } from './validate';
import json from './default-model.json';

/**
 * The shipped model for NHS data. Kept as JSON (the same document `train` writes and
 * `--config` reads) and validated on load, so a bad edit fails at start-up, not mid-batch.
 */
export const DEFAULT_MODEL: MatchModel = validateModel(json);
