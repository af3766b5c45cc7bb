import { SourceRecordInput, stripNhsNumber } from '@concord/domain';
import type { GoldenView } from '@concord/persistence';
import { invalid } from '@concord/services';

/** UK Core NHS number identifier system. */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
export const MATCH_GRADE_EXTENSION = 'http://hl7.org/fhir/StructureDefinition/match-grade';

interface FhirIdentifier {
  system?: unknown;
  value?: unknown;
}

const asString = (value: unknown, path: string): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw invalid(path, 'must be a string');
  return value;
};

const asArray = (value: unknown, path: string): unknown[] => {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw invalid(path, 'must be an array');
  return value;
};

const asObject = (value: unknown, path: string): Record<string, unknown> => {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw invalid(path, 'must be an object');
  return value as Record<string, unknown>;
};

/** Reads the demographics of a FHIR R4 Patient; errors name the FHIR path at fault. */
export function patientToRecord(resource: unknown): SourceRecordInput {
  const patient = asObject(resource, 'Patient');
  if (patient['resourceType'] !== 'Patient') throw invalid('resource.resourceType', 'must be "Patient"');
  const record: SourceRecordInput = {};
  asArray(patient['identifier'], 'Patient.identifier').forEach((raw, i) => {
    const id = asObject(raw, `Patient.identifier[${i}]`) as FhirIdentifier;
    if (asString(id.system, `Patient.identifier[${i}].system`) === NHS_NUMBER_SYSTEM) {
      record.nhsNumber = asString(id.value, `Patient.identifier[${i}].value`);
    }
  });
  const names = asArray(patient['name'], 'Patient.name');
  if (names.length > 0) {
    const name = asObject(names[0], 'Patient.name[0]');
    record.familyName = asString(name['family'], 'Patient.name[0].family');
    const given = asArray(name['given'], 'Patient.name[0].given').map(
      (g, i) => asString(g, `Patient.name[0].given[${i}]`) ?? '',
    );
    if (given[0]) record.givenName = given[0];
    if (given.length > 1) record.otherGivenNames = given.slice(1).join(' ');
  }
  record.dateOfBirth = asString(patient['birthDate'], 'Patient.birthDate');
  const gender = asString(patient['gender'], 'Patient.gender');
  if (gender !== undefined) {
    if (!['male', 'female', 'other', 'unknown'].includes(gender))
      throw invalid('Patient.gender', 'must be male, female, other or unknown');
    record.sex = gender;
  }
  const addresses = asArray(patient['address'], 'Patient.address');
  if (addresses.length > 0) {
    const address = asObject(addresses[0], 'Patient.address[0]');
    record.postcode = asString(address['postalCode'], 'Patient.address[0].postalCode');
    const lines = asArray(address['line'], 'Patient.address[0].line').map(
      (l, i) => asString(l, `Patient.address[0].line[${i}]`) ?? '',
    );
    const city = asString(address['city'], 'Patient.address[0].city');
    const full = [...lines, city].filter(Boolean).join(', ');
    if (full) record.addressLine = full;
  }
  asArray(patient['telecom'], 'Patient.telecom').forEach((raw, i) => {
    const t = asObject(raw, `Patient.telecom[${i}]`);
    const value = asString(t['value'], `Patient.telecom[${i}].value`);
    if (t['system'] === 'phone' && !record.phone) record.phone = value;
    if (t['system'] === 'email' && !record.email) record.email = value;
  });
  for (const key of Object.keys(record) as Array<keyof SourceRecordInput>)
    if (record[key] === undefined) delete record[key];
  return record;
}

/** The golden view of a person as a FHIR R4 Patient whose id is the enterprise person id. */
export function personToPatient(personId: string, golden: GoldenView): Record<string, unknown> {
  const patient: Record<string, unknown> = { resourceType: 'Patient', id: personId };
  if (golden.nhsNumber)
    patient['identifier'] = [{ system: NHS_NUMBER_SYSTEM, value: stripNhsNumber(golden.nhsNumber) }];
  if (golden.familyName || golden.givenName) {
    patient['name'] = [
      { family: golden.familyName ?? undefined, given: golden.givenName ? [golden.givenName] : undefined },
    ];
  }
  if (golden.dateOfBirth) patient['birthDate'] = golden.dateOfBirth;
  const gender = golden.sex ? fhirGender(golden.sex) : undefined;
  if (gender) patient['gender'] = gender;
  if (golden.postcode) patient['address'] = [{ postalCode: golden.postcode }];
  return patient;
}

function fhirGender(sex: string): string | undefined {
  const s = sex.trim().toUpperCase();
  if (['M', '1', 'MALE'].includes(s)) return 'male';
  if (['F', '2', 'FEMALE'].includes(s)) return 'female';
  if (['O', '9', 'X', 'OTHER'].includes(s)) return 'other';
  return 'unknown';
}

/** An OperationOutcome for an error answer. */
export function operationOutcome(
  severity: 'error' | 'fatal',
  code: string,
  diagnostics: string,
  expression?: string,
) {
  return {
    resourceType: 'OperationOutcome',
    issue: [{ severity, code, diagnostics, ...(expression ? { expression: [expression] } : {}) }],
  };
}
