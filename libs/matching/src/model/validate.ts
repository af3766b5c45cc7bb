import { FIELD_LEVELS, FIELD_NAMES, FieldName } from '../compare/levels';
import { BLOCKING_PARTS, MatchModel } from './types';

/** A model document of the wrong shape; the message names the JSON path at fault. */
export class ModelValidationError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
    this.name = 'ModelValidationError';
  }
}

type Json = Record<string, unknown>;

function obj(v: unknown, path: string): Json {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new ModelValidationError(path, 'must be an object');
  return v as Json;
}
function arr(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ModelValidationError(path, 'must be an array');
  return v;
}
function str(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new ModelValidationError(path, 'must be a non-empty string');
  return v;
}
function num(v: unknown, path: string, lo: number, hi: number, openLo = false): number {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw new ModelValidationError(path, 'must be a finite number');
  if (v > hi || v < lo || (openLo && v === lo)) throw new ModelValidationError(path, `must be in ${openLo ? '(' : '['}${lo}, ${hi}]`);
  return v;
}
function bool(v: unknown, path: string): boolean {
  if (typeof v !== 'boolean') throw new ModelValidationError(path, 'must be true or false');
  return v;
}

const TF_FIELDS: FieldName[] = ['familyName', 'givenName', 'postcode'];

/**
 * Checks a model document (parsed JSON) and returns it typed. Throws ModelValidationError
 * naming the path of the first problem, e.g. `fields[2].levels[0].m: must be in (0, 1]`.
 */
export function validateModel(json: unknown): MatchModel {
  const root = obj(json, '$');
  str(root['version'], '$.version');
  if (root['description'] !== undefined && typeof root['description'] !== 'string') {
    throw new ModelValidationError('$.description', 'must be a string');
  }
  num(root['prior'], '$.prior', 0, 1, true);
  if (root['prior'] === 1) throw new ModelValidationError('$.prior', 'must be below 1');
  const th = obj(root['thresholds'], '$.thresholds');
  const link = num(th['link'], '$.thresholds.link', 0, 1, true);
  const review = num(th['review'], '$.thresholds.review', 0, 1, true);
  if (review > link) throw new ModelValidationError('$.thresholds.review', 'must not exceed thresholds.link');

  const fields = arr(root['fields'], '$.fields');
  if (fields.length === 0) throw new ModelValidationError('$.fields', 'must hold at least one field');
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const p = `$.fields[${i}]`;
    const fo = obj(f, p);
    const name = str(fo['field'], `${p}.field`);
    if (!FIELD_NAMES.includes(name as FieldName)) {
      throw new ModelValidationError(`${p}.field`, `unknown field "${name}" (known: ${FIELD_NAMES.join(', ')})`);
    }
    if (seen.has(name)) throw new ModelValidationError(`${p}.field`, `field "${name}" appears twice`);
    seen.add(name);
    const expected = FIELD_LEVELS[name as FieldName] as readonly string[];
    const levels = arr(fo['levels'], `${p}.levels`);
    if (levels.length !== expected.length) {
      throw new ModelValidationError(`${p}.levels`, `must list the ${expected.length} levels ${expected.join(', ')} in that order`);
    }
    levels.forEach((l, j) => {
      const lp = `${p}.levels[${j}]`;
      const lo = obj(l, lp);
      const id = str(lo['id'], `${lp}.id`);
      if (id !== expected[j]) throw new ModelValidationError(`${lp}.id`, `expected "${expected[j]}", found "${id}"`);
      str(lo['label'], `${lp}.label`);
      num(lo['m'], `${lp}.m`, 0, 1, true);
      num(lo['u'], `${lp}.u`, 0, 1, true);
    });
    if (fo['termFrequency'] !== undefined) {
      bool(fo['termFrequency'], `${p}.termFrequency`);
      if (fo['termFrequency'] === true && !TF_FIELDS.includes(name as FieldName)) {
        throw new ModelValidationError(`${p}.termFrequency`, `only ${TF_FIELDS.join(', ')} take term-frequency adjustment`);
      }
    }
  });

  const tf = obj(root['termFrequency'], '$.termFrequency');
  num(tf['minFrequency'], '$.termFrequency.minFrequency', 0, 1, true);

  arr(root['groups'], '$.groups').forEach((g, i) => {
    const p = `$.groups[${i}]`;
    const go = obj(g, p);
    str(go['name'], `${p}.name`);
    arr(go['fields'], `${p}.fields`).forEach((f, j) => {
      if (!seen.has(f as string)) throw new ModelValidationError(`${p}.fields[${j}]`, `"${String(f)}" is not a field of this model`);
    });
    num(go['maxWeight'], `${p}.maxWeight`, 0, 1000);
  });

  const blocking = obj(root['blocking'], '$.blocking');
  const rules = arr(blocking['rules'], '$.blocking.rules');
  if (rules.length === 0) throw new ModelValidationError('$.blocking.rules', 'must hold at least one rule');
  const ruleNames = new Set<string>();
  rules.forEach((r, i) => {
    const p = `$.blocking.rules[${i}]`;
    const ro = obj(r, p);
    const name = str(ro['name'], `${p}.name`);
    if (!/^[a-z0-9-]+$/.test(name)) throw new ModelValidationError(`${p}.name`, 'must be lower-case letters, digits and dashes');
    if (ruleNames.has(name)) throw new ModelValidationError(`${p}.name`, `rule "${name}" appears twice`);
    ruleNames.add(name);
    const on = arr(ro['on'], `${p}.on`);
    if (on.length === 0) throw new ModelValidationError(`${p}.on`, 'must name at least one part');
    on.forEach((part, j) => {
      if (!BLOCKING_PARTS.includes(part as never)) {
        throw new ModelValidationError(`${p}.on[${j}]`, `unknown part "${String(part)}" (known: ${BLOCKING_PARTS.join(', ')})`);
      }
    });
    if (ro['maxBlockSize'] !== undefined) num(ro['maxBlockSize'], `${p}.maxBlockSize`, 2, 1e7);
  });
  num(blocking['maxBlockSize'], '$.blocking.maxBlockSize', 2, 1e7);

  const safety = obj(root['safety'], '$.safety');
  bool(safety['nhsConflict'], '$.safety.nhsConflict');
  bool(safety['twins'], '$.safety.twins');
  if (safety['twinsUnbacked'] !== undefined) bool(safety['twinsUnbacked'], '$.safety.twinsUnbacked');
  bool(safety['emergencyAlias'], '$.safety.emergencyAlias');
  return json as MatchModel;
}
