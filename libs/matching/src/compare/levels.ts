import { StandardRecord } from '../standardise/standardise';
import { boundedEditDistance } from './edit';
import { jaroWinkler } from './jaro-winkler';
import { isNicknamePair } from './nicknames';

/**
 * The comparison levels of every field, in evaluation order: the first level that holds
 * wins. A comparator returns the index of that level, or -1 when either side is missing
 * (the missing level always weighs 0: absence is no evidence either way).
 */
export const FIELD_LEVELS = {
  nhsNumber: ['exact-valid', 'exact-other', 'one-edit', 'different-valid', 'two-edits', 'different'],
  familyName: ['exact', 'jw94', 'jw88', 'phonetic', 'swapped', 'token-overlap', 'different'],
  givenName: ['exact', 'jw94', 'jw88', 'phonetic', 'nickname', 'swapped', 'token-overlap', 'initial', 'different'],
  dateOfBirth: ['exact-jan1', 'exact', 'day-month-swapped', 'one-digit', 'year-off-by-one', 'same-year', 'different'],
  sex: ['same', 'different'],
  postcode: ['exact', 'sector', 'district', 'different'],
  addressLine: ['exact', 'house-street', 'overlap', 'different'],
  phone: ['exact', 'different'],
  email: ['exact', 'different'],
} as const;

export type FieldName = keyof typeof FIELD_LEVELS;
export const FIELD_NAMES = Object.keys(FIELD_LEVELS) as FieldName[];

/** NHS number, or any other identifier typed into its column (CHI, hospital number, foreign id). */
export function compareNhs(a: StandardRecord, b: StandardRecord): number {
  const x = a.nhs;
  const y = b.nhs;
  if (x === null || y === null) return -1;
  const bothValid = a.nhsValid && b.nhsValid;
  if (x === y) return bothValid ? 0 : 1;
  // Modulus 11 catches every single-digit error and adjacent transposition, so two valid
  // numbers are never one edit apart: a one-edit pair always has an invalid side (a typo).
  const d = boundedEditDistance(x, y, 2);
  if (d === 1) return 2;
  if (bothValid) return 3;
  return d === 2 ? 4 : 5;
}

function sharesToken(a: string[], b: string[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i])) return true;
  return false;
}

function samePhonetic(a: string[], b: string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A name typed with a typo still counts (the Jaro-Winkler ≥ 0.88 level of the name fields). */
function closeName(x: string, y: string): boolean {
  return x === y || jaroWinkler(x, y) >= 0.88;
}

/**
 * The given name of `r` stands where `family` (the other record's family name) belongs: the
 * first given name, or as many given-name tokens as the family name has (JEAN CLAUDE,
 * DE LA CRUZ), typos allowed. FEBRL's swapped duplicates carry typos and multi-word names.
 */
function givenIsFamily(r: StandardRecord, family: string, familyTokens: number): boolean {
  const g = r.givenName;
  if (g === null) return false;
  if (closeName(g, family)) return true;
  return familyTokens > 1 && r.givenTokens.length >= familyTokens && closeName(r.givenTokens.slice(0, familyTokens).join(' '), family);
}

/** Given and family names swapped between the two records, each way (typos allowed). */
export function namesSwapped(a: StandardRecord, b: StandardRecord): boolean {
  if (a.familyName === null || b.familyName === null) return false;
  return givenIsFamily(a, b.familyName, b.familyTokens.length) && givenIsFamily(b, a.familyName, a.familyTokens.length);
}

/** Family name: exact, Jaro-Winkler ≥ 0.94 / ≥ 0.88, same Double Metaphone, swapped with given, shared token. */
export function compareFamily(a: StandardRecord, b: StandardRecord): number {
  const x = a.familyName;
  const y = b.familyName;
  if (x === null || y === null) return -1;
  if (x === y) return 0;
  const jw = jaroWinkler(x, y);
  if (jw >= 0.94) return 1;
  if (jw >= 0.88) return 2;
  if (samePhonetic(a.familyPhonetic, b.familyPhonetic)) return 3;
  if (namesSwapped(a, b)) return 4;
  if ((a.familyTokens.length > 1 || b.familyTokens.length > 1) && sharesToken(a.familyTokens, b.familyTokens)) return 5;
  return 6;
}

/** Given name (first token), with nickname, swap, middle-name-as-given and initial levels. */
export function compareGiven(a: StandardRecord, b: StandardRecord): number {
  const x = a.givenName;
  const y = b.givenName;
  if (x === null || y === null) return -1;
  if (x === y) return 0;
  if (x.length > 1 && y.length > 1) {
    const jw = jaroWinkler(x, y);
    if (jw >= 0.94) return 1;
    if (jw >= 0.88) return 2;
    if (a.givenPhonetic[0] === b.givenPhonetic[0]) return 3;
    if (isNicknamePair(x, y)) return 4;
  }
  if (namesSwapped(a, b)) return 5;
  if ((a.givenTokens.length > 1 || b.givenTokens.length > 1) && sharesToken(a.givenTokens, b.givenTokens)) return 6;
  if ((x.length === 1 || y.length === 1) && x.charCodeAt(0) === y.charCodeAt(0)) return 7;
  return 8;
}

/** Date of birth: exact (1 January separately: a common default), day/month swapped, one digit, year ±1, same year. */
export function compareDob(a: StandardRecord, b: StandardRecord): number {
  const x = a.dob;
  const y = b.dob;
  if (x === null || y === null) return -1;
  if (x === y) return a.dobMonth === 1 && a.dobDay === 1 ? 0 : 1;
  if (a.dobYear === b.dobYear && a.dobDay === b.dobMonth && a.dobMonth === b.dobDay) return 2;
  if (boundedEditDistance(x, y, 1) === 1) return 3;
  if (a.dobMonth === b.dobMonth && a.dobDay === b.dobDay && Math.abs((a.dobYear ?? 0) - (b.dobYear ?? 0)) === 1) return 4;
  if (a.dobYear === b.dobYear) return 5;
  return 6;
}

export function compareSex(a: StandardRecord, b: StandardRecord): number {
  if (a.sex === 'U' || b.sex === 'U') return -1;
  return a.sex === b.sex ? 0 : 1;
}

export function comparePostcode(a: StandardRecord, b: StandardRecord): number {
  if (a.postcode === null || b.postcode === null) return -1;
  if (a.postcode === b.postcode) return 0;
  if (a.postcodeSector !== null && a.postcodeSector === b.postcodeSector) return 1;
  if (a.postcodeDistrict !== null && a.postcodeDistrict === b.postcodeDistrict) return 2;
  return 3;
}

/** Address token sets (sorted): exact, same house number with most tokens shared, half the tokens shared. */
export function compareAddress(a: StandardRecord, b: StandardRecord): number {
  const x = a.addressTokens;
  const y = b.addressTokens;
  if (x.length === 0 || y.length === 0) return -1;
  let common = 0;
  let commonNumber = false;
  let i = 0;
  let j = 0;
  while (i < x.length && j < y.length) {
    if (x[i] === y[j]) {
      common++;
      const c = x[i].charCodeAt(0);
      if (c >= 48 && c <= 57) commonNumber = true;
      i++;
      j++;
    } else if (x[i] < y[j]) i++;
    else j++;
  }
  if (common === x.length && common === y.length) return 0;
  const jaccard = common / (x.length + y.length - common);
  if (jaccard >= 0.5) return commonNumber ? 1 : 2;
  return 3;
}

export function comparePhone(a: StandardRecord, b: StandardRecord): number {
  if (a.phone === null || b.phone === null) return -1;
  return a.phone === b.phone ? 0 : 1;
}

export function compareEmail(a: StandardRecord, b: StandardRecord): number {
  if (a.email === null || b.email === null) return -1;
  return a.email === b.email ? 0 : 1;
}

export const COMPARATORS: Record<FieldName, (a: StandardRecord, b: StandardRecord) => number> = {
  nhsNumber: compareNhs,
  familyName: compareFamily,
  givenName: compareGiven,
  dateOfBirth: compareDob,
  sex: compareSex,
  postcode: comparePostcode,
  addressLine: compareAddress,
  phone: comparePhone,
  email: compareEmail,
};

/** The standardised value shown in explanations for a field. */
export function displayValue(r: StandardRecord, field: FieldName): string | null {
  switch (field) {
    case 'nhsNumber':
      return r.nhs;
    case 'familyName':
      return r.familyName;
    case 'givenName':
      return r.givenTokens.length > 0 ? r.givenTokens.join(' ') : null;
    case 'dateOfBirth':
      return r.dob === null ? null : `${r.dob.slice(0, 4)}-${r.dob.slice(4, 6)}-${r.dob.slice(6)}`;
    case 'sex':
      return r.sex;
    case 'postcode':
      return r.postcode;
    case 'addressLine':
      return r.addressTokens.length > 0 ? r.addressTokens.join(' ') : null;
    case 'phone':
      return r.phone;
    case 'email':
      return r.email;
  }
}
