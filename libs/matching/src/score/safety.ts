import { COMPARATORS, FieldName } from '../compare/levels';
import { StandardRecord } from '../standardise/standardise';
import { CompiledModel } from '../model/compile';
import { SafetyRuleHit } from './types';

/** Bit flags of the pair-level safety rules, so that the batch path can keep them in a typed array. */
export const RULE_NHS_CONFLICT = 1;
export const RULE_TWINS = 2;
export const RULE_ALIAS = 4;
export const RULE_KEPT_APART = 8;
export const RULE_GENERATION = 16;
export const RULE_NHS_ONLY = 32;

export const RULE_HITS: Record<number, SafetyRuleHit> = {
  [RULE_NHS_CONFLICT]: {
    rule: 'nhs-number-conflict',
    description: 'Both records carry valid NHS numbers and they differ: a steward must decide.',
    effect: 'cap-at-review',
  },
  [RULE_TWINS]: {
    rule: 'twins-pattern',
    description: 'Same family name, date of birth and address but different given names or sex: possibly twins.',
    effect: 'cap-at-review',
  },
  [RULE_ALIAS]: {
    rule: 'emergency-alias',
    description: 'An emergency alias is reconciled by a steward merge, never by the matcher.',
    effect: 'cap-at-review',
  },
  [RULE_GENERATION]: {
    rule: 'generation-gap',
    description: 'Birth years 12 or more apart: parent and child (e.g. a newborn registered on the mother\'s NHS number).',
    effect: 'cap-at-review',
  },
  [RULE_NHS_ONLY]: {
    rule: 'nhs-number-only',
    description: 'The NHS number agrees but given name, sex and birth date do not: another person\'s number typed in?',
    effect: 'cap-at-review',
  },
  [RULE_KEPT_APART]: {
    rule: 'kept-apart',
    description: 'A steward recorded that these are not the same person.',
    effect: 'never-link',
  },
};

// Level indices in FIELD_LEVELS order (see compare/levels.ts).
const NHS_EXACT_OTHER = 1;
const NHS_ONE_EDIT = 2;
const NHS_DIFFERENT_VALID = 3;
const NHS_EXACT_VALID = 0;
const GIVEN_PHONETIC = 3;
const DOB_DIFFERENT = 6;
const GIVEN_EXACT = 0;
const GIVEN_DIFFERENT = 8;
const SEX_DIFFERENT = 1;

function level(cm: CompiledModel, levels: ArrayLike<number>, f: FieldName, a: StandardRecord, b: StandardRecord): number {
  const i = cm.indexOf[f];
  return i >= 0 ? levels[i] : COMPARATORS[f](a, b);
}

/**
 * Safety rules that hold for the pair, as bit flags. `levels` holds the level of each
 * field of the compiled model for this pair.
 *
 * The twins guard keys on real disagreement, not on any given-name difference: typos
 * (Jaro-Winkler ≥ 0.88), same Double Metaphone, nicknames, a middle name used as given
 * name and an initial do not fire it (on FEBRL a guard firing on every difference costs
 * F1 0.998 → 0.96). Twins with look-alike names (Jack/Jake) are left to the NHS-number
 * conflict rule and to the sex comparison: a boy and a girl of the same birth with
 * different given names always fire it.
 */
export function safetyRules(cm: CompiledModel, a: StandardRecord, b: StandardRecord, levels: ArrayLike<number>): number {
  const s = cm.model.safety;
  let rules = 0;
  const nhs = level(cm, levels, 'nhsNumber', a, b);
  if (s.nhsConflict && nhs === NHS_DIFFERENT_VALID) rules |= RULE_NHS_CONFLICT;
  if (s.twins && a.dob !== null && a.dob === b.dob) {
    const fam = level(cm, levels, 'familyName', a, b);
    if (fam >= 0 && fam <= 2) {
      const household =
        (a.postcode !== null && a.postcode === b.postcode) || level(cm, levels, 'addressLine', a, b) === 0 ||
        (a.phone !== null && a.phone === b.phone);
      if (household) {
        const given = level(cm, levels, 'givenName', a, b);
        const sex = level(cm, levels, 'sex', a, b);
        // A shared identifier that is not a valid NHS number (a hospital number, a national id
        // with a typo) outweighs a given-name difference. A shared valid NHS number does not:
        // twins registered with the co-twin's number are a known NHS error mode.
        const sameOtherId = nhs === NHS_EXACT_OTHER || nhs === NHS_ONE_EDIT;
        // Sound-alike given names (Hassan/Hussain, Jack/Jake: same Double Metaphone, Jaro-Winkler
        // below 0.88) at the same birth and address are as likely twins as spelling variants when nothing but a (possibly the co-twin's) NHS number or
        // no identifier at all backs them.
        const lookAlike = given === GIVEN_PHONETIC && (nhs === NHS_EXACT_VALID || nhs < 0);
        if (
          (given === GIVEN_DIFFERENT && !sameOtherId) ||
          lookAlike ||
          (sex === SEX_DIFFERENT && given !== GIVEN_EXACT) ||
          (middleNamesDisagree(a.givenTokens, b.givenTokens) && !sameOtherId)
        ) {
          rules |= RULE_TWINS;
        }
      }
    }
  }
  // A household member's (or spouse's) NHS number typed in: only the number agrees.
  if (s.nhsConflict && nhs === NHS_EXACT_VALID) {
    const given = level(cm, levels, 'givenName', a, b);
    const dob = level(cm, levels, 'dateOfBirth', a, b);
    if (given === GIVEN_DIFFERENT && dob !== 0 && dob !== 1 && level(cm, levels, 'sex', a, b) === SEX_DIFFERENT) rules |= RULE_NHS_ONLY;
  }
  // Parent and child share surname, address and sometimes (by mistake) an NHS number.
  if (s.twins && a.dobYear !== null && b.dobYear !== null && Math.abs(a.dobYear - b.dobYear) >= 12) {
    // A shared non-NHS identifier (hospital number, national id) outweighs it, as for twins.
    const sameOtherId = nhs === NHS_EXACT_OTHER || nhs === NHS_ONE_EDIT;
    if (!sameOtherId && level(cm, levels, 'dateOfBirth', a, b) === DOB_DIFFERENT) rules |= RULE_GENERATION;
  }
  if (s.emergencyAlias && (a.flags.includes('emergency-alias') || b.flags.includes('emergency-alias'))) rules |= RULE_ALIAS;
  return rules;
}

export function ruleHits(rules: number): SafetyRuleHit[] {
  const hits: SafetyRuleHit[] = [];
  for (const bit of [RULE_KEPT_APART, RULE_NHS_CONFLICT, RULE_NHS_ONLY, RULE_TWINS, RULE_GENERATION, RULE_ALIAS]) if (rules & bit) hits.push(RULE_HITS[bit]);
  return hits;
}

/** Both records carry middle names and none is shared: twins are often told apart only there (Lily Hao, Lilly Yan). */
function middleNamesDisagree(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  for (let i = 1; i < a.length; i++) for (let j = 1; j < b.length; j++) if (a[i] === b[j]) return false;
  for (let i = 1; i < a.length; i++) if (a[i] === b[0]) return false;
  for (let j = 1; j < b.length; j++) if (b[j] === a[0]) return false;
  return true;
}
