import { FieldName } from '../compare/levels';

/** m = P(level | same person), u = P(level | different people); the level weighs log2(m/u). */
export interface LevelModel {
  id: string;
  label: string;
  m: number;
  u: number;
}

export interface FieldModel {
  field: FieldName;
  /** Every level of the field's comparator, in its order (see FIELD_LEVELS). */
  levels: LevelModel[];
  /** Adjust the exact level by the value's frequency (familyName, givenName, postcode only). */
  termFrequency?: boolean;
}

/**
 * Fields that measure the same thing (postcode, address, phone all say "lives here")
 * are not independent: their positive weights together are capped so that a household
 * does not look like one person.
 */
export interface EvidenceGroup {
  name: string;
  fields: FieldName[];
  maxWeight: number;
}

export type BlockingPart =
  | 'nhs'
  | 'dob'
  | 'birthYear'
  | 'familyPhonetic'
  | 'givenPhonetic'
  | 'namePhoneticPair'
  | 'familyName'
  | 'givenName'
  | 'postcode'
  | 'postcodeDistrict'
  | 'postcodeSector'
  | 'email';

export const BLOCKING_PARTS: readonly BlockingPart[] = [
  'nhs',
  'dob',
  'birthYear',
  'familyPhonetic',
  'givenPhonetic',
  'namePhoneticPair',
  'familyName',
  'givenName',
  'postcode',
  'postcodeDistrict',
  'postcodeSector',
  'email',
];

/** Records sharing every part of a rule are compared; a rule's key is `name:value:value…`. */
export interface BlockingRule {
  name: string;
  on: BlockingPart[];
  /**
   * Blocks of this rule with more records are skipped (default: `blocking.maxBlockSize`).
   * A small cap keeps a loose rule (both names' phonetic codes only) linear in the records:
   * at most n × cap / 2 pairs, and common names, which say little, give none.
   */
  maxBlockSize?: number;
}

export interface MatchModel {
  /** Recorded with every score. */
  version: string;
  description?: string;
  /** λ: probability that two records drawn at random belong to one person. */
  prior: number;
  /** Match probabilities: ≥ link links automatically, ≥ review goes to a steward. */
  thresholds: { link: number; review: number };
  fields: FieldModel[];
  termFrequency: {
    /** Frequencies below this are raised to it, so that one rare value cannot dominate. */
    minFrequency: number;
  };
  groups: EvidenceGroup[];
  blocking: {
    rules: BlockingRule[];
    /** Blocks with more records are skipped (and reported): they cost n² and say little. */
    maxBlockSize: number;
  };
  safety: {
    /** Two valid, different NHS numbers: review at most. */
    nhsConflict: boolean;
    /** Same surname, birth date and address with really different given names: review at most. */
    twins: boolean;
    /**
     * Part of the twins guard (default true): with no identifier at all, a spelling, nickname
     * or sound-alike variant of the given name at one birth date and address is held at review
     * (NHS twins: Henry/Harry, Lily/Lilly). Data without twins whose duplicates carry given-name
     * typos (FEBRL) set it false; the rest of the guard (really different names, sex) stays.
     */
    twinsUnbacked?: boolean;
    /** Emergency aliases are reconciled by a steward, never by the matcher: review at most. */
    emergencyAlias: boolean;
  };
}
