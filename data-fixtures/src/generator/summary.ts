import { NhsKind } from '../model/types';
import { NoiseKind, RECORD_NOISE_TRIALS } from './rates';

/** Scenario counters reported in summary.json (units in SCENARIO_UNITS). */
export const SCENARIO_UNITS = {
  twins: 'pairs',
  triplets: 'sets of three',
  motherNewborn: 'mother and baby pairs',
  babyOfRecords: 'records named "BABY OF <surname>"',
  fatherSon: 'father and son pairs with the same name and address',
  commonNameCollision: 'groups of same-name persons born the same year',
  commonNameCollisionPersons: 'persons in those groups',
  closeTwinNames: 'twin pairs with close given names (Jack/Jake)',
  nhsConfusion: 'persons with a record carrying another person\'s valid NHS number',
  duplicateRegistration: 'persons holding two valid NHS numbers',
  chiNumber: 'persons with a record carrying a Scottish CHI number',
  identityChange: 'persons with a new identity (new NHS number, same person_key)',
  identityChangeName: 'of those, with a new name',
  identityChangeSex: 'of those, with a new sex',
  placeholder: 'placeholder persons (UNKNOWN/XXX, 1900-01-01), one record each',
  emergencyAlias: 'emergency alias records (phonetic-alphabet names) of known persons',
  addressMove: 'persons who moved between their records',
  addressMoveBetweenAreas: 'of those, moved to another area',
} as const;

export type ScenarioKind = keyof typeof SCENARIO_UNITS;

export interface PopulationSummary {
  generator: string;
  seed: string;
  persons: number;
  records: number;
  /** Pairs of records with the same person_key: Σ k(k−1)/2 over persons. */
  truePairs: number;
  recordsPerPerson: Record<string, number>;
  sourceSystems: Record<string, number>;
  scenarios: Record<ScenarioKind, number>;
  /** Records carrying each kind of record-level noise. */
  noise: Record<NoiseKind, number>;
  /** Records by what their NHS number field holds. */
  nhsNumber: Record<NhsKind, number>;
  /** Records whose NHS number is laid out with spaces or dashes. */
  nhsNumberFormatted: number;
}

const NHS_KINDS: readonly NhsKind[] = [
  'valid', 'missing', 'typo', 'transposition', 'valid-wrong', 'confusion', 'duplicate-registration',
  'hospital-number', 'chi', 'test-range', 'placeholder', 'identity-change',
];

export class SummaryCounter {
  readonly scenarios = Object.fromEntries(Object.keys(SCENARIO_UNITS).map((k) => [k, 0])) as Record<ScenarioKind, number>;
  readonly noise = Object.fromEntries(Object.keys(RECORD_NOISE_TRIALS).map((k) => [k, 0])) as Record<NoiseKind, number>;
  readonly nhsNumber = Object.fromEntries(NHS_KINDS.map((k) => [k, 0])) as Record<NhsKind, number>;
  readonly recordsPerPerson: Record<string, number> = {};
  readonly sourceSystems: Record<string, number> = {};
  persons = 0;
  records = 0;
  truePairs = 0;
  nhsNumberFormatted = 0;

  scenario(kind: ScenarioKind, by = 1): void {
    this.scenarios[kind] += by;
  }

  person(recordCount: number): void {
    this.persons++;
    this.truePairs += (recordCount * (recordCount - 1)) / 2;
    const bucket = recordCount >= 6 ? '6+' : String(recordCount);
    this.recordsPerPerson[bucket] = (this.recordsPerPerson[bucket] ?? 0) + 1;
  }

  record(system: string, nhsKind: NhsKind, nhsField: string): void {
    this.records++;
    this.sourceSystems[system] = (this.sourceSystems[system] ?? 0) + 1;
    this.nhsNumber[nhsKind]++;
    if (/[ -]/.test(nhsField)) this.nhsNumberFormatted++;
  }

  toJSON(seed: string): PopulationSummary {
    const sortKeys = <T>(o: Record<string, T>): Record<string, T> =>
      Object.fromEntries(Object.keys(o).sort().map((k) => [k, o[k]]));
    return {
      generator: 'concord data-fixtures v1',
      seed,
      persons: this.persons,
      records: this.records,
      truePairs: this.truePairs,
      recordsPerPerson: sortKeys(this.recordsPerPerson),
      sourceSystems: sortKeys(this.sourceSystems),
      scenarios: { ...this.scenarios },
      noise: { ...this.noise },
      nhsNumber: { ...this.nhsNumber },
      nhsNumberFormatted: this.nhsNumberFormatted,
    };
  }
}
