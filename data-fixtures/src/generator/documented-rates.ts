/**
 * The rates documented in data-fixtures/README.md: what the generator actually emits
 * (trial probability × how often a record is eligible), measured on a 1,000,000-person
 * run with seed "bench". The rate tests check a 10,000-person run of another seed
 * against these, so a change to the generator that shifts a rate must update the docs.
 */
/** Scenario counts per 10,000 persons, measured at 1 M persons (seed "bench"). */
export const DOCUMENTED_SCENARIOS_PER_10K_PERSONS = {
  twins: 105,
  triplets: 6,
  motherNewborn: 87.4,
  babyOfRecords: 87.4,
  fatherSon: 57.8,
  commonNameCollision: 18.9,
  commonNameCollisionPersons: 104,
  closeTwinNames: 31.6,
  nhsConfusion: 72,
  duplicateRegistration: 79.5,
  chiNumber: 57.5,
  identityChange: 29.8,
  identityChangeName: 22.3,
  identityChangeSex: 10.6,
  placeholder: 48.6,
  emergencyAlias: 39.1,
  addressMove: 604,
  addressMoveBetweenAreas: 181,
} as const;

/** Share of records carrying each noise kind (trial rate × eligibility), measured at 1 M persons. */
export const DOCUMENTED_NOISE_PER_RECORD = {
  typo: 0.0394,
  phoneticVariant: 0.0191,
  nickname: 0.0203,
  middleNameAsGiven: 0.0192,
  swappedNames: 0.00781,
  partialDoubleBarrel: 0.00778,
  accentsApostrophes: 0.0266,
  caseSpacing: 0.0299,
  maidenName: 0.0475,
  dobDayMonthSwap: 0.00709,
  dobDigit: 0.00789,
  dobYearOff: 0.00795,
  dobJanFirst: 0.00498,
  dobOtherFormat: 0.0396,
  missingDob: 0.00299,
  missingPhone: 0.159,
  missingPostcode: 0.0198,
  addressSpelling: 0.148,
  sexCoding: 0.0399,
} as const;

/** Share of records by NHS number field content, measured at 1 M persons. */
export const DOCUMENTED_NHS_PER_RECORD = {
  'valid': 0.884,
  'missing': 0.0834,
  'typo': 0.00585,
  'transposition': 0.00393,
  'valid-wrong': 0.00199,
  'confusion': 0.00472,
  'duplicate-registration': 0.00534,
  'hospital-number': 0.00289,
  'chi': 0.00377,
  'test-range': 0.00151,
  'placeholder': 0.000934,
  'identity-change': 0.00205,
} as const;
