/** A source record as a sending system describes it (CONTRACT §2), before standardisation. */
export interface SourceRecordInput {
  /** Key of the record within a CSV file; every CSV output uses it. */
  recordId?: string;
  /** Sending system, e.g. RIS-LEEDS; empty means `default`. */
  sourceSystem?: string;
  /** That system's patient id (MRN); empty means the record id. */
  localId?: string;
  nhsNumber?: string;
  familyName?: string;
  givenName?: string;
  otherGivenNames?: string;
  /** YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY as sent; may be empty or impossible. */
  dateOfBirth?: string;
  sex?: string;
  postcode?: string;
  addressLine?: string;
  phone?: string;
  email?: string;
}

export const DEFAULT_SOURCE_SYSTEM = 'default';

/** The demographic fields of a record, in contract order. */
export const DEMOGRAPHIC_FIELDS = [
  'nhsNumber',
  'familyName',
  'givenName',
  'otherGivenNames',
  'dateOfBirth',
  'sex',
  'postcode',
  'addressLine',
  'phone',
  'email',
] as const satisfies ReadonlyArray<keyof SourceRecordInput>;

export type DemographicField = (typeof DEMOGRAPHIC_FIELDS)[number];

/** CSV column name (snake_case, CONTRACT §2) for each record field. */
export const RECORD_CSV_COLUMNS = {
  recordId: 'record_id',
  sourceSystem: 'source_system',
  localId: 'local_id',
  nhsNumber: 'nhs_number',
  familyName: 'family_name',
  givenName: 'given_name',
  otherGivenNames: 'other_given_names',
  dateOfBirth: 'date_of_birth',
  sex: 'sex',
  postcode: 'postcode',
  addressLine: 'address_line',
  phone: 'phone',
  email: 'email',
} as const satisfies Record<keyof SourceRecordInput, string>;

export type RecordField = keyof typeof RECORD_CSV_COLUMNS;
export const RECORD_FIELDS = Object.keys(RECORD_CSV_COLUMNS) as RecordField[];
