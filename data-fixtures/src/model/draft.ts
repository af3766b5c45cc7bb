import { SourceRecordInput } from '@concord/domain';
import { DobFormat, NhsLayout, SourceSystem } from '../data/source-systems';
import { STREET_TYPES } from '../data/places';
import { formatDate } from './dates';
import { layoutNhs } from './nhs-numbers';
import { Address, Identity, NhsKind, Person, Ymd } from './types';

export type RecordSex = 'M' | 'F' | 'O' | 'U' | '';

/**
 * A record while it is being built: canonical values that noise functions edit, then
 * `renderDraft` writes them the way the sending system would. Keeping the system's
 * conventions out of the noise functions lets every kind of noise stack with every
 * kind of feed.
 */
export interface RecordDraft {
  system: SourceSystem;
  localId: string;
  /** Digits (or whatever the clerk typed) for the NHS number field; '' when missing. */
  nhs: string;
  nhsKind: NhsKind;
  nhsLayout?: NhsLayout;
  given: string;
  middle: string[];
  family: string;
  dob: Ymd | null;
  /** Set when the date of birth is sent as text no calendar date describes. */
  dobText?: string;
  dobFormat?: DobFormat;
  sex: RecordSex;
  /** Write sex in a coding other than the system's own (feeds change codings over time). */
  sexCodingOverride?: SourceSystem['sex'];
  address: Address | null;
  abbreviateStreet: boolean;
  postcode: string;
  phone: string;
  email: string;
  /** Lower-case names, doubled spaces and an unspaced postcode, as typed in a hurry. */
  messy: boolean;
}

export function draftFor(person: Person, system: SourceSystem, localId: string, identity: Identity = person.identity, address: Address = person.address): RecordDraft {
  return {
    system,
    localId,
    nhs: identity.nhsNumber,
    nhsKind: identity === person.identity ? 'valid' : 'identity-change',
    given: identity.givenName,
    middle: identity.middleNames.slice(),
    family: identity.familyName,
    dob: person.dob,
    sex: identity.sex,
    address,
    abbreviateStreet: false,
    postcode: address.postcode,
    phone: system.sendsPhone ? person.phone : '',
    email: system.sendsEmail ? person.email : '',
    messy: false,
  };
}

function sexCode(sex: RecordSex, coding: SourceSystem['sex']): string {
  if (sex === '') return '';
  switch (coding) {
    case 'letter':
      return sex;
    case 'lower-letter':
      return sex.toLowerCase();
    case 'digit':
      return { M: '1', F: '2', O: '9', U: '0' }[sex];
    case 'digit-x':
      return { M: '1', F: '2', O: '9', U: 'X' }[sex];
    case 'word':
      return { M: 'male', F: 'female', O: 'other', U: 'unknown' }[sex];
  }
}

export function addressLine(address: Address, abbreviate: boolean): string {
  const [full, abbrev] = STREET_TYPES[address.streetType];
  return `${address.houseNumber} ${address.street} ${abbreviate ? abbrev : full}, ${address.town}`;
}

function messyName(name: string): string {
  return name.toLowerCase().replace(/([- ])/g, '$1 ');
}

/** Writes a draft as the sending system would put it on the wire. */
export function renderDraft(draft: RecordDraft): Omit<SourceRecordInput, 'recordId'> {
  const style = draft.system.names;
  let family = style === 'title' ? draft.family : draft.family.toUpperCase();
  let given = style === 'upper' ? draft.given.toUpperCase() : draft.given;
  let others = draft.middle.join(' ');
  if (style === 'upper') others = others.toUpperCase();
  let postcode = draft.postcode;
  if (draft.messy) {
    family = messyName(family);
    given = ` ${messyName(given)}`;
    others = messyName(others);
    postcode = postcode.replace(' ', '').toLowerCase();
  }
  return {
    sourceSystem: draft.system.name,
    localId: draft.localId,
    nhsNumber: layoutNhs(draft.nhs, draft.nhsLayout ?? draft.system.nhs),
    familyName: family,
    givenName: given,
    otherGivenNames: others,
    dateOfBirth: draft.dobText ?? (draft.dob ? formatDate(draft.dob, draft.dobFormat ?? draft.system.dob) : ''),
    sex: sexCode(draft.sex, draft.sexCodingOverride ?? draft.system.sex),
    postcode,
    addressLine: draft.address ? addressLine(draft.address, draft.abbreviateStreet) : '',
    phone: draft.phone,
    email: draft.email,
  };
}
