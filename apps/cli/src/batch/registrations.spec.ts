import { StandardRecord } from '@concord/matching';
import {
  keepLatest,
  latestRows,
  registrationHash,
  registrationKey,
  registrationLocalId,
  registrationSystem,
  rowsSharingHash,
  withoutRows,
} from './registrations';

describe('registrations of a batch file', () => {
  const key = (sourceSystem: string | undefined, localId: string | undefined, recordId: string) => {
    const record = { recordId, sourceSystem, localId };
    return registrationKey(registrationSystem(record), registrationLocalId(record));
  };

  it('keys empty source_system as default and empty local_id as the record_id, and never runs values together', () => {
    expect(key(undefined, 'L1', 'R1')).toBe(key('default', 'L1', 'R2'));
    expect(key('RIS', undefined, 'R1')).toBe(key('RIS', 'R1', 'R9'));
    expect(key('A\u00000', 'B', 'R1')).not.toBe(key('A', '0\u0000B', 'R1'));
    expect(registrationHash('AB', 'C')).not.toBe(registrationHash('A', 'BC'));
  });

  it('maps each row to the last row with its key, confirming equal hashes by the keys', () => {
    const keys = ['a', 'b', 'a', 'c', 'b', 'a', 'd'];
    // Every hash equal: only the keys tell the rows apart.
    const shared = rowsSharingHash(keys.length, new Int32Array(keys.length));
    expect(Array.from(shared ?? [])).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const latest = latestRows(keys.length, shared ?? [], keys);
    expect(Array.from(latest ?? [])).toEqual([5, 4, 5, 3, 4, 5, 6]);
    // Real hashes: the rows of repeated keys, and a chance collision is no update.
    const hash = Int32Array.from(keys, (k) => registrationHash('S', k));
    expect(Array.from(rowsSharingHash(keys.length, hash) ?? [])).toEqual([0, 1, 2, 4, 5]);
    expect(latestRows(3, [0, 2], ['x', 'z'])).toBeNull();
    expect(rowsSharingHash(3, Int32Array.from([1, 2, 3]))).toBeNull();
  });

  it('keeps the registrations in file order and gives every row its registration', () => {
    const records = ['r0', 'r1', 'r2', 'r3'].map((recordId) => ({ recordId }) as StandardRecord);
    const kept = keepLatest(records, ['r0', 'r1', 'r2', 'r3'], Int32Array.from([2, 1, 2, 3]));
    expect(kept.ids).toEqual(['r1', 'r2', 'r3']);
    expect(kept.superseded).toEqual([0]);
    expect(kept.rows).toEqual({
      updates: 1,
      ids: ['r0', 'r1', 'r2', 'r3'],
      registrationOf: Int32Array.from([1, 0, 1, 2]),
    });
    expect(withoutRows(['a', 'b', 'c', 'd'], [0, 2])).toEqual(['b', 'd']);
  });
});
