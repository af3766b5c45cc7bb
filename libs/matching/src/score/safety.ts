import { COMPARATORS, FieldName } from '../compare/levels';
import { jaroWinkler } from '../compare/jaro-winkler';
import { isNicknamePair } from '../compare/nicknames';
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
export const RULE_DISTINCT = 64;
export const RULE_NAMES_DISAGREE = 128;

export const RULE_HITS: Record<number, SafetyRuleHit> = {
  [RULE_NHS_CONFLICT]: {
    rule: 'nhs-number-conflict',
    description: 'Both records carry valid NHS numbers and they differ: a steward must decide.',
    effect: 'cap-at-review',
  },
  [RULE_TWINS]: {
    rule: 'twins-pattern',
    description:
      'Same family name, date of birth and address but different given names or sex: possibly twins.',
    effect: 'cap-at-review',
  },
  [RULE_ALIAS]: {
    rule: 'emergency-alias',
    description: 'An emergency alias is reconciled by a steward merge, never by the matcher.',
    effect: 'cap-at-review',
  },
  [RULE_GENERATION]: {
    rule: 'generation-gap',
    description:
      "Birth years 12 or more apart: parent and child (e.g. a newborn registered on the mother's NHS number).",
    effect: 'cap-at-review',
  },
  [RULE_NHS_ONLY]: {
    rule: 'nhs-number-only',
    description:
      "The NHS number agrees but given name, sex and birth date do not: another person's number typed in?",
    effect: 'cap-at-review',
  },
  [RULE_DISTINCT]: {
    rule: 'distinct-persons',
    description:
      'Two independent signs of different people (two valid NHS numbers with a twin or parent/child pattern; ' +
      'a parent/child birth gap at one address with no shared NHS number; a boy and a girl of one birth ' +
      'with different given names): not a match, kept out of the review queue.',
    effect: 'never-link',
  },
  [RULE_NAMES_DISAGREE]: {
    rule: 'names-disagree',
    description:
      'Neither name agrees, even crosswise (or only one name agrees crosswise and the sex differs): ' +
      'the identifier, birth date or address may belong to a household member.',
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
const NHS_DIFFERENT = 5;
const FAMILY_SWAPPED = 4;
const FAMILY_TOKEN_OVERLAP = 5;
const FAMILY_DIFFERENT = 6;
const GIVEN_JW94 = 1;
const GIVEN_JW88 = 2;
const GIVEN_PHONETIC = 3;
const GIVEN_NICKNAME = 4;
const GIVEN_SWAPPED = 5;
const GIVEN_TOKEN_OVERLAP = 6;
const DOB_ONE_DIGIT = 3;
const DOB_DIFFERENT = 6;
const GIVEN_EXACT = 0;
const GIVEN_DIFFERENT = 8;

/** Sex disagrees as M against F; O (other) and U are codings, not evidence of a different person. */
function sexConflict(a: StandardRecord, b: StandardRecord): boolean {
  return (a.sex === 'M' && b.sex === 'F') || (a.sex === 'F' && b.sex === 'M');
}

function level(
  cm: CompiledModel,
  levels: ArrayLike<number>,
  f: FieldName,
  a: StandardRecord,
  b: StandardRecord,
): number {
  const i = cm.indexOf[f];
  return i >= 0 ? levels[i] : COMPARATORS[f](a, b);
}

/**
 * Same postcode, phone or street address. An address counts only with a house number: a town
 * alone (Splink's fake_1000 city column) is shared by thousands of unrelated people.
 */
function sameHousehold(
  cm: CompiledModel,
  levels: ArrayLike<number>,
  a: StandardRecord,
  b: StandardRecord,
): boolean {
  if ((a.postcode !== null && a.postcode === b.postcode) || (a.phone !== null && a.phone === b.phone))
    return true;
  return (
    level(cm, levels, 'addressLine', a, b) === 0 &&
    a.addressTokens.some((t) => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57)
  );
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
export function safetyRules(
  cm: CompiledModel,
  a: StandardRecord,
  b: StandardRecord,
  levels: ArrayLike<number>,
): number {
  const s = cm.model.safety;
  let rules = 0;
  const nhs = level(cm, levels, 'nhsNumber', a, b);
  if (s.nhsConflict && nhs === NHS_DIFFERENT_VALID) rules |= RULE_NHS_CONFLICT;
  // A shared identifier that is not a valid NHS number (a hospital number, a national id
  // with a typo) outweighs a given-name difference. A shared valid NHS number does not:
  // twins registered with the co-twin's number are a known NHS error mode.
  const sameOtherId = nhs === NHS_EXACT_OTHER || nhs === NHS_ONE_EDIT;
  let fam = level(cm, levels, 'familyName', a, b);
  let given = level(cm, levels, 'givenName', a, b);
  const sexDiffers = sexConflict(a, b);
  let twinsStrong = false;
  if (s.twins) {
    if (fam === FAMILY_SWAPPED) {
      // Swapped names: the family names agree crosswise; the given names are the other diagonal.
      fam = 0;
      given = Math.max(nameLevel(a.givenName, b.familyName), nameLevel(a.familyName, b.givenName));
    } else if (fam === FAMILY_DIFFERENT && given === GIVEN_DIFFERENT) {
      // No name agrees directly. A partial swap (one record's given name is the other's family
      // name, the other name changed) leaves one name agreeing crosswise.
      const cross1 = nameLevel(a.familyName, b.givenName) < GIVEN_DIFFERENT;
      const cross2 = nameLevel(a.givenName, b.familyName) < GIVEN_DIFFERENT;
      if (!cross1 && !cross2) {
        if (!sameOtherId) rules |= RULE_NAMES_DISAGREE;
      } else if (cross1 !== cross2 && sexDiffers && !sameOtherId) {
        // One name agrees crosswise (it may be the given or the family name) and the sex differs.
        rules |= RULE_NAMES_DISAGREE;
      }
    }
  }
  // Twins and triplets: one birth (the same date of birth, or one typed a digit or a day/month
  // swap away), one family name, one household.
  const dob = level(cm, levels, 'dateOfBirth', a, b);
  // An identifier that disagrees (an invalid number, a different hospital number) backs nothing.
  const noId = nhs < 0 || nhs === NHS_DIFFERENT;
  // One birth: the same date of birth; or one a typo away (a digit, day and month swapped) or
  // unknown on one side, where the weaker signs below (a sound-alike or crossed middle names
  // backed by the NHS number) are not enough on their own.
  const exactBirth = dob === 0 || dob === 1;
  const nearBirth = dob < 0 || dob === 2 || dob === DOB_ONE_DIGIT;
  const famAgrees = (fam >= 0 && fam <= 2) || fam === FAMILY_TOKEN_OVERLAP;
  if (s.twins && (exactBirth || nearBirth) && famAgrees && sameHousehold(cm, levels, a, b)) {
    {
      {
        // Sound-alike given names (Hassan/Hussain, Jack/Jake: same Double Metaphone, Jaro-Winkler
        // below 0.88) at the same birth and address are as likely twins as spelling variants when
        // nothing but a (possibly the co-twin's) NHS number or no identifier at all backs them.
        // A shared middle name tells the spelling variant apart (twins' middle names are their own).
        const lookAlike =
          given === GIVEN_PHONETIC &&
          (nhs === NHS_EXACT_VALID || nhs === NHS_DIFFERENT_VALID || noId) &&
          !middleNamesShared(a.givenTokens, b.givenTokens);
        // With no identifier at all, any spelling, nickname or middle-name variant of the given
        // name is as likely the co-twin (Henry/Harry, Lily/Lilly) as the same child, unless a
        // middle name is shared.
        const unbacked =
          s.twinsUnbacked !== false &&
          nhs < 0 &&
          given >= GIVEN_JW94 &&
          given < GIVEN_SWAPPED &&
          !middleNamesShared(a.givenTokens, b.givenTokens);
        // Token overlap from a middle name used as given name leaves one name list inside the
        // other (typos and nicknames allowed). Twins Siobhan [Karen] and Margaret [Siobhan] overlap
        // too, but each carries a name the other lacks. A shared middle name backed by the NHS
        // number (Niamh [Margaret], Neave [Margaret]) marks a spelling variant of the first name.
        // With no identifier, a record whose one given name is only the other's middle name
        // (Maria against Ioana [Maria]) is as likely the co-twin; backed by the NHS number it is
        // the child known by a middle name.
        const crossed =
          given === GIVEN_TOKEN_OVERLAP &&
          !sameOtherId &&
          !nameListInside(a.givenTokens, b.givenTokens) &&
          (noId || !middleNamesShared(a.givenTokens, b.givenTokens));
        const middleOnly =
          given === GIVEN_TOKEN_OVERLAP && noId && middleNameOnly(a.givenTokens, b.givenTokens);
        const strong =
          (given === GIVEN_DIFFERENT && !sameOtherId) ||
          unbacked ||
          middleOnly ||
          // Two valid NHS numbers, birth dates a typo apart and a variant of the given name.
          (nearBirth && nhs === NHS_DIFFERENT_VALID && given >= GIVEN_JW94 && given <= GIVEN_NICKNAME) ||
          (sexDiffers && given !== GIVEN_EXACT);
        const weak =
          lookAlike || crossed || (middleNamesDisagree(a.givenTokens, b.givenTokens) && !sameOtherId);
        if (strong || (exactBirth && weak)) {
          rules |= RULE_TWINS;
          // Really different given names and a boy and a girl, or really different given and middle
          // names with no identifier backing the pair: two children of one birth.
          twinsStrong =
            given === GIVEN_DIFFERENT &&
            (sexDiffers || (noId && middleNamesDisagree(a.givenTokens, b.givenTokens)));
        }
      }
    }
  }
  // A household member's (or spouse's) NHS number typed in: only the number agrees.
  if (s.nhsConflict && nhs === NHS_EXACT_VALID) {
    const g = level(cm, levels, 'givenName', a, b);
    // Held at review, not dropped: the steward has to correct the number on the record.
    if (g === GIVEN_DIFFERENT && dob !== 0 && dob !== 1) rules |= RULE_NHS_ONLY;
  }
  // Parent and child share surname, address and sometimes (by mistake) an NHS number. An
  // impossible date of birth (1983-43-17) still tells its year.
  const yearA = a.dobYear ?? a.dobYearOnly ?? null;
  const yearB = b.dobYear ?? b.dobYearOnly ?? null;
  if (s.twins && yearA !== null && yearB !== null && Math.abs(yearA - yearB) >= 12) {
    // A shared non-NHS identifier (hospital number, national id) outweighs it, as for twins.
    if (!sameOtherId && (dob === DOB_DIFFERENT || dob < 0)) {
      rules |= RULE_GENERATION;
      // Parent and child at one address, unless one NHS number backs the pair (a mistyped
      // birth year). Without a shared address a far-off year is as likely a typo (FEBRL, Splink data).
      if (nhs !== NHS_EXACT_VALID && sameHousehold(cm, levels, a, b)) rules |= RULE_DISTINCT;
      // Only the NHS number agrees, and the births are a generation apart: the number belongs
      // to the other person (a newborn imaged under the mother's number). Two independent signs
      // of two people; the wrong number is a data-quality fix on the record, not a match to review.
      if ((rules & RULE_NHS_ONLY) !== 0) rules |= RULE_DISTINCT;
    }
  }
  if (((rules & RULE_NHS_CONFLICT) !== 0 && (rules & (RULE_TWINS | RULE_GENERATION)) !== 0) || twinsStrong)
    rules |= RULE_DISTINCT;
  if (s.emergencyAlias && (a.flags.includes('emergency-alias') || b.flags.includes('emergency-alias')))
    rules |= RULE_ALIAS;
  return rules;
}

/** Level of two single names on the given-name scale: exact, Jaro-Winkler ≥ 0.94 / 0.88, nickname, else different. */
function nameLevel(x: string | null, y: string | null): number {
  if (x === null || y === null) return GIVEN_DIFFERENT;
  if (x === y) return GIVEN_EXACT;
  const jw = jaroWinkler(x, y);
  if (jw >= 0.94) return GIVEN_JW94;
  if (jw >= 0.88) return GIVEN_JW88;
  if (isNicknamePair(x, y)) return GIVEN_NICKNAME;
  return GIVEN_DIFFERENT;
}

/** One record has a single given name, and it is only a middle name of the other (Sahra against Hawa [Sahra]). */
function middleNameOnly(a: string[], b: string[]): boolean {
  const only = (x: string[], y: string[]) =>
    x.length === 1 && y.length > 1 && x[0] !== y[0] && y.indexOf(x[0], 1) > 0;
  return only(a, b) || only(b, a);
}

export function ruleHits(rules: number): SafetyRuleHit[] {
  const hits: SafetyRuleHit[] = [];
  for (const bit of [
    RULE_KEPT_APART,
    RULE_DISTINCT,
    RULE_NHS_CONFLICT,
    RULE_NHS_ONLY,
    RULE_NAMES_DISAGREE,
    RULE_TWINS,
    RULE_GENERATION,
    RULE_ALIAS,
  ])
    if (rules & bit) hits.push(RULE_HITS[bit]);
  return hits;
}

function closeName(x: string, y: string): boolean {
  return x === y || jaroWinkler(x, y) >= 0.88 || isNicknamePair(x, y);
}

/** Every given-name token of one record has a close counterpart in the other's. */
function nameListInside(a: string[], b: string[]): boolean {
  const inside = (x: string[], y: string[]) => x.every((t) => y.some((u) => closeName(t, u)));
  return inside(a, b) || inside(b, a);
}

/** Both records carry middle names and at least one is shared. */
function middleNamesShared(a: string[], b: string[]): boolean {
  for (let i = 1; i < a.length; i++) for (let j = 1; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/** Both records carry middle names and none is shared: twins are often told apart only there (Lily Hao, Lilly Yan). */
function middleNamesDisagree(a: string[], b: string[]): boolean {
  if (a.length < 2 || b.length < 2) return false;
  for (let i = 1; i < a.length; i++) for (let j = 1; j < b.length; j++) if (a[i] === b[j]) return false;
  for (let i = 1; i < a.length; i++) if (a[i] === b[0]) return false;
  for (let j = 1; j < b.length; j++) if (b[j] === a[0]) return false;
  return true;
}
