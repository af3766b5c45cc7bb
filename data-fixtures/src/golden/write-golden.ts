import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GoldenBuilder } from './builder';
import { HARD_NEGATIVES } from './hard-negatives';
import { NHS_NUMBER } from './nhs-number';
import { RECORD_NOISE } from './record-noise';
import { GoldenScenarioSpec } from './scenario-spec';
import { GoldenScenario } from './types';

export const GOLDEN_SPECS: readonly GoldenScenarioSpec[] = [...HARD_NEGATIVES, ...RECORD_NOISE, ...NHS_NUMBER];

/** Builds every golden scenario; deterministic (one seed per scenario name). */
export function buildGoldenScenarios(): GoldenScenario[] {
  return GOLDEN_SPECS.map((spec) => ({
    scenario: spec.scenario,
    description: spec.description,
    cases: spec.build(new GoldenBuilder(spec.scenario)),
  }));
}

/** The exact text of a golden file (a test compares the committed files with it). */
export function goldenFileText(scenario: GoldenScenario): string {
  return JSON.stringify(scenario, null, 2) + '\n';
}

/** Writes DIR/<scenario>.json for every scenario and returns the paths. */
export function writeGoldenFiles(dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  return buildGoldenScenarios().map((scenario) => {
    const path = join(dir, `${scenario.scenario}.json`);
    writeFileSync(path, goldenFileText(scenario));
    return path;
  });
}
