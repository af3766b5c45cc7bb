import { createHash } from 'node:crypto';
import { DEFAULT_SOURCE_SYSTEM, DEMOGRAPHIC_FIELDS, SourceRecordInput } from '@concord/domain';
import { invalid } from '../errors/service-error';

/** The longest value any field may hold; longer input is refused, never truncated. */
export const MAX_FIELD_LENGTH = 200;

export interface NormalisedInput {
  sourceSystem: string;
  localId: string;
  /** The demographics as sent, trimmed, with empty values dropped. */
  demographics: SourceRecordInput;
  contentHash: string;
}

/** Checks and trims a registration: names the field at fault, keeps everything else as sent. */
export function normaliseRecordInput(input: SourceRecordInput): NormalisedInput {
  const sourceSystem = (input.sourceSystem ?? '').trim() || DEFAULT_SOURCE_SYSTEM;
  const localId = (input.localId ?? '').trim() || (input.recordId ?? '').trim();
  if (!localId) throw invalid('localId', 'is required (the sending system’s patient id)');
  for (const [field, value] of [
    ['sourceSystem', sourceSystem],
    ['localId', localId],
  ] as const) {
    if (value.length > 64) throw invalid(field, 'must be at most 64 characters');
    checkText(field, value);
  }
  const demographics: SourceRecordInput = {};
  for (const field of DEMOGRAPHIC_FIELDS) {
    const value = input[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string') throw invalid(field, 'must be a string');
    const trimmed = value.trim();
    if (trimmed.length > MAX_FIELD_LENGTH)
      throw invalid(field, `must be at most ${MAX_FIELD_LENGTH} characters`);
    checkText(field, trimmed);
    if (trimmed !== '') demographics[field] = trimmed;
  }
  const contentHash = createHash('sha256')
    .update(JSON.stringify(DEMOGRAPHIC_FIELDS.map((f) => demographics[f] ?? null)))
    .digest('hex');
  return { sourceSystem, localId, demographics, contentHash };
}

/**
 * Text PostgreSQL can store and people can read: no control characters (NUL cannot be
 * stored at all) and no broken UTF-16 (a lone surrogate is not a character).
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function checkText(field: string, value: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(value))
    throw invalid(field, 'contains control characters');
  if (LONE_SURROGATE.test(value)) throw invalid(field, 'contains broken Unicode (a lone surrogate)');
}
