import { classifyNhsNumber, NhsNumberStatus, SourceRecordInput } from '@concord/domain';
import { StandardName, isEmergencyAlias, standardName } from './names';
import { standardDob } from './dob';
import { standardPostcode } from './postcode';
import { addressTokens, isKnownSexCoding, standardEmail, standardPhone, standardSex } from './contact';

/**
 * A record in the form the comparators need, computed once per record. A plain
 * JSON-serialisable object: the API stores it as jsonb and re-scores it later without
 * standardising again, so it holds no Maps, Dates or class instances.
 */
export interface StandardRecord {
  recordId: string | null;
  /** NHS number as sent, before stripping. */
  nhsRaw: string | null;
  /** Digits of the NHS number (or other identifier) when usable; null when missing or a placeholder. */
  nhs: string | null;
  nhsStatus: NhsNumberStatus;
  /**
   * True for a Modulus 11 valid number from the English/Welsh NHS ranges. A valid number
   * starting 0–3 is a Scottish CHI (010–311) or Northern Irish H&C (320–399) number: another
   * scheme, compared as an identifier, never a conflicting NHS number.
   */
  nhsValid: boolean;
  /** Family name tokens joined by spaces; null when missing or a placeholder. */
  familyName: string | null;
  familyTokens: string[];
  familyPhonetic: string[];
  /** First given name token; null when missing or a placeholder. */
  givenName: string | null;
  /** Every given-name token: given name first, then other given names. */
  givenTokens: string[];
  givenPhonetic: string[];
  /** YYYYMMDD. */
  dob: string | null;
  dobYear: number | null;
  /** Year of an impossible date of birth whose year is plausible (absent otherwise; older stored records lack it). */
  dobYearOnly?: number;
  dobMonth: number | null;
  dobDay: number | null;
  sex: 'M' | 'F' | 'O' | 'U';
  postcode: string | null;
  postcodeArea: string | null;
  postcodeDistrict: string | null;
  postcodeSector: string | null;
  addressTokens: string[];
  phone: string | null;
  email: string | null;
  /** Data-quality flags, e.g. nhs-number-invalid, dob-impossible, dob-default-jan1, name-placeholder, emergency-alias, sex-unrecognised. */
  flags: string[];
}

function nhsFlag(status: NhsNumberStatus): string | null {
  switch (status) {
    case 'invalid':
      return 'nhs-number-invalid';
    case 'test-range':
      return 'nhs-number-test-range';
    case 'placeholder':
      return 'nhs-number-placeholder';
    default:
      return null;
  }
}

/** Standardises one source record (CONTRACT §2 fields). Pure: the same input always gives the same output. */
export function standardise(input: SourceRecordInput): StandardRecord {
  const flags: string[] = [];
  const nhs = classifyNhsNumber(input.nhsNumber);
  const nf = nhsFlag(nhs.status);
  if (nf) flags.push(nf);
  const otherScheme = nhs.status === 'valid' && nhs.digits.charCodeAt(0) < 52; /* '4' */
  if (otherScheme) flags.push(nhs.digits < '32' ? 'nhs-number-chi-range' : 'nhs-number-hc-range');

  const family = standardName(input.familyName);
  const given = standardName(input.givenName);
  const other = standardName(input.otherGivenNames);
  const alias = isEmergencyAlias(input.familyName, input.givenName);
  if (alias) flags.push('emergency-alias');
  if (family.placeholder || given.placeholder) flags.push('name-placeholder');
  // An emergency alias is not a name: it must never count as agreement between two patients.
  const fam: StandardName = alias ? { text: null, tokens: [], phonetic: [], placeholder: true } : family;
  const giv: StandardName = alias ? fam : given;

  const dob = standardDob(input.dateOfBirth);
  for (const f of dob.flags) flags.push(f);
  if (!isKnownSexCoding(input.sex)) flags.push('sex-unrecognised');
  const pc = standardPostcode(input.postcode);
  const givenTokens = giv.tokens.length > 0 ? giv.tokens.concat(other.tokens) : other.tokens;
  const givenPhonetic = giv.tokens.length > 0 ? giv.phonetic.concat(other.phonetic) : other.phonetic;

  return {
    recordId: input.recordId ?? null,
    nhsRaw: input.nhsNumber ?? null,
    nhs: nhs.status === 'missing' || nhs.status === 'placeholder' ? null : nhs.digits,
    nhsStatus: nhs.status,
    nhsValid: nhs.status === 'valid' && !otherScheme,
    familyName: fam.text,
    familyTokens: fam.tokens,
    familyPhonetic: fam.phonetic,
    givenName: giv.tokens.length > 0 ? giv.tokens[0] : null,
    givenTokens,
    givenPhonetic,
    dob: dob.value,
    dobYear: dob.year,
    ...(dob.yearOnly !== undefined ? { dobYearOnly: dob.yearOnly } : {}),
    dobMonth: dob.month,
    dobDay: dob.day,
    sex: standardSex(input.sex),
    postcode: pc.value,
    postcodeArea: pc.area,
    postcodeDistrict: pc.district,
    postcodeSector: pc.sector,
    addressTokens: addressTokens(input.addressLine),
    phone: standardPhone(input.phone),
    email: standardEmail(input.email),
    flags,
  };
}
