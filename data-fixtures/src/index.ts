/**
 * @concord/fixtures: the synthetic NHS-shaped population generator. Test helpers that
 * read the committed fixtures live in @concord/fixtures/testing, never in this entry.
 */
export { Prng, WeightedTable } from './random/prng';
export type { Person, Identity, Address, Ymd, Sex, NhsKind, EmittedRecord } from './model/types';
export { VALID_NHS_KINDS, INVALID_NHS_KINDS } from './model/types';
export { generatePopulation, generatePopulationSync, populationRecords } from './generator/generate';
export type { PopulationOptions, NumberedRecord, RecordSink } from './generator/generate';
export { writePopulation, PopulationFileSink } from './generator/writer';
export type { PopulationFiles } from './generator/writer';
export type { PopulationSummary, ScenarioKind } from './generator/summary';
export { SCENARIO_UNITS } from './generator/summary';
export * as rates from './generator/rates';
export { DEMO_PERSONS, DEMO_SEED } from './generator/demo';
