export { ENGINE_VERSION } from './version';
export type { StandardRecord } from './standardise/standardise';
export { standardise } from './standardise/standardise';
export { FIELD_LEVELS, FIELD_NAMES } from './compare/levels';
export type { FieldName } from './compare/levels';
export { jaroWinkler } from './compare/jaro-winkler';
export type {
  MatchModel,
  FieldModel,
  LevelModel,
  BlockingRule,
  BlockingPart,
  EvidenceGroup,
} from './model/types';
export { validateModel, ModelValidationError } from './model/validate';
export { DEFAULT_MODEL } from './model/shipped-model';
export { blockingKeys, ruleKeys } from './blocking/blocking';
export type {
  TermFrequencyLookup,
  FieldComparison,
  SafetyRuleHit,
  PairScore,
  Decision,
  ScoreOptions,
} from './score/types';
export { scorePair, scoreAgainstPerson, matchGrade, probabilityOf } from './score/score';
export type { MatchGrade } from './score/score';
export {
  dedupeRecords,
  comparePairs,
  scorePairs,
  estimateModel,
  clusterScored,
  DECISION_LINK,
  DECISION_REVIEW,
} from './batch/dedupe';
export type { ScoredPairs } from './batch/dedupe';
export { encodeRecords, decodeRecords } from './batch/record-columns';
export type { RecordColumns } from './batch/record-columns';
export { compileModel } from './model/compile';
export type { DedupeOptions, DedupeResult } from './batch/dedupe';
export { candidatePairs, blockingParts } from './batch/candidates';
export { internPart } from './batch/rule-keys';
export type { PartIds } from './batch/rule-keys';
export { CountedTermFrequencies } from './batch/term-frequencies';
export { pairwiseMetrics } from './batch/metrics';
export type { PairwiseMetrics } from './batch/metrics';
export { clusterPairs } from './cluster/cluster';
export { expectationMaximisation } from './em/em';
export { trainFromPatterns, estimateU } from './em/train';
export type { TrainReport } from './em/train';
export { seededRandom } from './em/random';
export { trainModel } from './em/train-records';
