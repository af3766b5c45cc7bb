/**
 * Every rate the generator uses, in one place, so the README, summary.json and the rate
 * tests all refer to the same numbers.
 */

/** Relative weights of the household units drawn one after another until N persons exist. */
export const UNIT_WEIGHTS = {
  single: 0.9614,
  twins: 0.011,
  triplets: 0.0006,
  motherNewborn: 0.009,
  fatherSon: 0.006,
  commonNameCollision: 0.002,
  nhsConfusion: 0.005,
  placeholder: 0.005,
} as const;

export type UnitKind = keyof typeof UNIT_WEIGHTS;

/** Persons a unit creates (common-name groups have 3–8 members, 5.5 on average). */
export const UNIT_SIZES: Record<UnitKind, number> = {
  single: 1,
  twins: 2,
  triplets: 3,
  motherNewborn: 2,
  fatherSon: 2,
  commonNameCollision: 5.5,
  nhsConfusion: 2,
  placeholder: 1,
};

/** Source records per person: about half have one. */
export const RECORDS_PER_PERSON: ReadonlyArray<readonly [number, number]> = [
  [1, 0.6],
  [2, 0.32],
  [3, 0.055],
  [4, 0.018],
  [5, 0.005],
  [6, 0.002],
];

/** Per-person events (probability per eligible person). */
export const PERSON_RATES = {
  /** Adoption or gender reassignment: new NHS number, sometimes new name and sex. */
  identityChange: 0.003,
  /** A second valid NHS number issued to the same person. */
  duplicateRegistration: 0.008,
  /** Moved from Scotland: one record carries the CHI number. */
  chiNumber: 0.006,
  /** An extra record made while unidentified in an emergency department. */
  emergencyAlias: 0.004,
  /** Of persons with two or more records: moved house between them. */
  addressMove: 0.15,
  /** Of moves: to another area (the rest move within the same area). */
  moveBetweenAreas: 0.3,
  /** Of twin pairs: one given close names such as Jack/Jake. */
  closeTwinNames: 0.3,
  /** Of twins and of newborns: a record carries the co-twin's or the mother's NHS number. */
  borrowedNhsNumber: 0.08,
} as const;

/** Probability per record of trying each kind of record noise (applied only where it fits). */
export const RECORD_NOISE_TRIALS = {
  typo: 0.04,
  phoneticVariant: 0.02,
  nickname: 0.05,
  middleNameAsGiven: 0.03,
  swappedNames: 0.008,
  partialDoubleBarrel: 0.4,
  accentsApostrophes: 0.5,
  caseSpacing: 0.03,
  maidenName: 0.35,
  dobDayMonthSwap: 0.02,
  dobDigit: 0.008,
  dobYearOff: 0.008,
  dobJanFirst: 0.005,
  dobOtherFormat: 0.04,
  missingDob: 0.003,
  missingPhone: 0.2,
  missingPostcode: 0.02,
  addressSpelling: 0.15,
  sexCoding: 0.04,
} as const;

export type NoiseKind = keyof typeof RECORD_NOISE_TRIALS;

/** NHS number faults on records that would otherwise carry the person's own number. */
export const NHS_FAULT_RATES = {
  missing: 0.08,
  typo: 0.006,
  transposition: 0.004,
  validWrong: 0.002,
  hospitalNumber: 0.003,
  testRange: 0.0015,
  /** Spaces or dashes where the system normally sends plain digits (and vice versa). */
  layout: 0.05,
} as const;

/** Size of the record shuffle window: records of one person do not sit together in the file. */
export const SHUFFLE_WINDOW = 4096;
