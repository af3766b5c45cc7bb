import { normaliseRecordInput } from './record-input';
import { ServiceError } from '../errors/service-error';

describe('normaliseRecordInput', () => {
  it('defaults the source system, trims values and drops empty ones', () => {
    const n = normaliseRecordInput({ localId: ' 42 ', familyName: ' Smith ', givenName: '' });
    expect(n.sourceSystem).toBe('default');
    expect(n.localId).toBe('42');
    expect(n.demographics).toEqual({ familyName: 'Smith' });
  });

  it('gives the same hash to the same demographics however they were padded', () => {
    const a = normaliseRecordInput({ localId: '1', familyName: 'Smith' });
    const b = normaliseRecordInput({ localId: '1', familyName: ' Smith', phone: '' });
    const c = normaliseRecordInput({ localId: '1', familyName: 'Smyth' });
    expect(a.contentHash).toBe(b.contentHash);
    expect(a.contentHash).not.toBe(c.contentHash);
  });

  it('names the field at fault', () => {
    expect(() => normaliseRecordInput({ sourceSystem: 'RIS' })).toThrow(/^localId: /);
    expect(() => normaliseRecordInput({ localId: '1', familyName: 'x'.repeat(201) })).toThrow(ServiceError);
    expect(() => normaliseRecordInput({ localId: '1', familyName: 'x'.repeat(201) })).toThrow(
      /^familyName: /,
    );
    expect(() => normaliseRecordInput({ localId: '1', givenName: 'a\u0000b' })).toThrow(
      /^givenName: contains control/,
    );
    expect(() => normaliseRecordInput({ localId: 'a\u0000' })).toThrow(/^localId: contains control/);
    expect(() => normaliseRecordInput({ localId: '1', familyName: 'x\ud800' })).toThrow(
      /^familyName: contains broken Unicode/,
    );
    expect(normaliseRecordInput({ localId: '1', familyName: 'Ng 😀' }).demographics.familyName).toBe('Ng 😀');
  });
});
