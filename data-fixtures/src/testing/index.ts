/**
 * @concord/fixtures/testing: helpers for other projects' tests to read the committed
 * fixtures (golden scenarios and the demo population). Test code only: production
 * bundles never import this entry, so fixtures never ship.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseCsv } from '@concord/domain';
import type { GoldenCase, GoldenScenario, GoldenVerdict } from '../golden/types';

export type { GoldenCase, GoldenScenario, GoldenVerdict };

/** data-fixtures/, found from this file both under ts-jest (src/testing) and when bundled. */
function fixturesRoot(): string {
  const candidates = [join(__dirname, '..', '..'), join(__dirname, '..', '..', 'data-fixtures')];
  for (const dir of candidates) if (existsSync(join(dir, 'golden'))) return dir;
  throw new Error(`@concord/fixtures/testing: cannot find data-fixtures/golden from ${__dirname}`);
}

/** Absolute path of the golden scenario folder. */
export function goldenDir(): string {
  return join(fixturesRoot(), 'golden');
}

/** Every golden scenario file, sorted by scenario name. */
export function loadGoldenScenarios(): GoldenScenario[] {
  const dir = goldenDir();
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenScenario);
}

/** One golden scenario by name (e.g. "twins"); throws when there is none. */
export function loadGoldenScenario(name: string): GoldenScenario {
  const found = loadGoldenScenarios().find((s) => s.scenario === name);
  if (!found) throw new Error(`no golden scenario "${name}"`);
  return found;
}

/** Absolute paths of the committed demo population (about 2,000 persons). */
export function demoPopulationPaths(): { records: string; truth: string; summary: string } {
  const dir = join(fixturesRoot(), 'populations', 'demo');
  return { records: join(dir, 'records.csv'), truth: join(dir, 'truth.csv'), summary: join(dir, 'summary.json') };
}

/** Reads a truth.csv (`record_id,person_key`) into record id → person key. */
export function readTruth(path: string): Map<string, string> {
  const rows = parseCsv(readFileSync(path, 'utf8'));
  const header = rows[0]?.fields.map((f) => f.trim().toLowerCase()) ?? [];
  const idAt = header.indexOf('record_id');
  const keyAt = header.indexOf('person_key');
  if (idAt < 0 || keyAt < 0) throw new Error(`${path}: header must have record_id and person_key`);
  const truth = new Map<string, string>();
  for (const row of rows.slice(1)) {
    if (row.fields.length === 1 && row.fields[0] === '') continue;
    truth.set(row.fields[idAt], row.fields[keyAt]);
  }
  return truth;
}

/** Pairs of record ids with the same person key (each pair once, ids in sorted order). */
export function truePairs(truth: Map<string, string>): Array<[string, string]> {
  const byPerson = new Map<string, string[]>();
  for (const [record, person] of truth) {
    const list = byPerson.get(person);
    if (list) list.push(record);
    else byPerson.set(person, [record]);
  }
  const pairs: Array<[string, string]> = [];
  for (const records of byPerson.values()) {
    records.sort();
    for (let i = 0; i < records.length; i++) for (let j = i + 1; j < records.length; j++) pairs.push([records[i], records[j]]);
  }
  return pairs;
}
