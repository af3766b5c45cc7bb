import { SourceRecordInput } from '@concord/domain';
import { Origin } from '../data/surnames';

export type Sex = 'M' | 'F';

/** A calendar date without time zone: output never depends on the machine's TZ. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

export interface Address {
  houseNumber: string;
  street: string;
  /** Index into STREET_TYPES; records may write the full or abbreviated form. */
  streetType: number;
  town: string;
  postcode: string;
  area: string;
}

/** One demographic identity as the NHS spine would hold it. */
export interface Identity {
  nhsNumber: string;
  givenName: string;
  middleNames: string[];
  familyName: string;
  sex: Sex;
}

/** A synthetic person: the truth behind one person_key. */
export interface Person {
  key: string;
  origin: Origin;
  dob: Ymd;
  identity: Identity;
  /** Surname before marriage, for maiden-name noise. */
  maidenName?: string;
  address: Address;
  /** Earlier address, shown on older records when the person moved. */
  previousAddress?: Address;
  phone: string;
  email: string;
  /** Second valid NHS number from a duplicate registration. */
  secondNhsNumber?: string;
  /** Scottish CHI number (person moved from Scotland). */
  chiNumber?: string;
  /** Identity after adoption or gender reassignment: same person_key, new number. */
  newIdentity?: Identity;
}

/** What the NHS number field of an emitted record is meant to be (tests check each kind). */
export type NhsKind =
  | 'valid'
  | 'missing'
  | 'typo'
  | 'transposition'
  | 'valid-wrong'
  | 'confusion'
  | 'duplicate-registration'
  | 'hospital-number'
  | 'chi'
  | 'test-range'
  | 'placeholder'
  | 'identity-change';

/** Kinds whose digits must pass Modulus 11 and which ones must fail it. */
export const VALID_NHS_KINDS: readonly NhsKind[] = [
  'valid',
  'valid-wrong',
  'confusion',
  'duplicate-registration',
  'chi',
  'test-range',
  'identity-change',
];
export const INVALID_NHS_KINDS: readonly NhsKind[] = ['typo', 'transposition', 'hospital-number'];

/** One record as the generator emits it, before it gets its record id. */
export interface EmittedRecord {
  record: Omit<SourceRecordInput, 'recordId'>;
  personKey: string;
  nhsKind: NhsKind;
}
