import type { SourceRecord } from '../persons/data-access/persons.models';
import { knownNumbers, traceReason } from './trace-panel';

const record = (over: Partial<SourceRecord>): SourceRecord => ({
  id: 'r1',
  sourceSystem: 'RIS-LEEDS',
  localId: 'A1',
  nhsNumber: null,
  nhsNumberStatus: 'missing',
  familyName: 'SMITH',
  givenName: 'Jane',
  otherGivenNames: null,
  dateOfBirth: '1980-02-01',
  sex: 'F',
  postcode: null,
  addressLine: null,
  phone: null,
  email: null,
  flags: [],
  link: null,
  ...over,
});

describe('trace panel', () => {
  it('says why a record needs tracing', () => {
    expect(traceReason(record({}))).toBe('The record arrived without an NHS number.');
    expect(traceReason(record({ nhsNumber: '9434765918', nhsNumberStatus: 'invalid' }))).toContain(
      'Modulus 11',
    );
  });

  it("lists the valid numbers the person's other records hold, with the systems that sent them", () => {
    const others = [
      record({ id: 'r2', sourceSystem: 'PAS-GSTT', nhsNumber: '9434765919', nhsNumberStatus: 'valid' }),
      record({ id: 'r3', sourceSystem: 'PACS-YORK', nhsNumber: '9434765919', nhsNumberStatus: 'valid' }),
      record({ id: 'r4', sourceSystem: 'RIS-HULL', nhsNumber: '1234567890', nhsNumberStatus: 'invalid' }),
    ];
    expect(knownNumbers(others)).toEqual([{ nhsNumber: '9434765919', systems: 'PAS-GSTT, PACS-YORK' }]);
    expect(knownNumbers([])).toEqual([]);
  });
});
