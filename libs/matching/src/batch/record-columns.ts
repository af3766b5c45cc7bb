import { StandardRecord } from '../standardise/standardise';

/**
 * Standardised records as typed columns, for moving them between worker threads.
 *
 * Why not the objects themselves: cloning 150 k StandardRecord objects (postMessage or
 * v8.serialize) cost about 40 % of standardising them, and the clones lose the sharing of
 * strings that standardise's per-value caches give. Here every string a worker produced is
 * interned once into its `strings` table (a few hundred thousand distinct values for a
 * million records: names, dates and postcodes repeat), each record field is an integer id
 * or a number in a column, and the columns live in SharedArrayBuffers: they are passed to
 * the main thread and on to other workers without being copied. Decoding builds fresh
 * records whose strings are shared through the table again.
 *
 * Ids are local to one table: equal strings from two workers get different ids. That is
 * harmless because nothing compares ids, only the decoded strings.
 */

/** String or null: a string id, -1 for null (in this order). */
const STRING_FIELDS = [
  'recordId',
  'nhsRaw',
  'nhs',
  'nhsStatus',
  'familyName',
  'givenName',
  'dob',
  'sex',
  'postcode',
  'postcodeArea',
  'postcodeDistrict',
  'postcodeSector',
  'phone',
  'email',
] as const;
/** Arrays of strings: start and length in `items` (string ids). */
const ARRAY_FIELDS = [
  'familyTokens',
  'familyPhonetic',
  'givenTokens',
  'givenPhonetic',
  'addressTokens',
  'flags',
] as const;
/** Numbers or null (NaN for null); `dobYearOnly` is optional (NaN for absent). */
const NUMBER_FIELDS = ['dobYear', 'dobMonth', 'dobDay', 'dobYearOnly'] as const;

const S = STRING_FIELDS.length;
const A = ARRAY_FIELDS.length;
const N = NUMBER_FIELDS.length;

export interface RecordColumns {
  count: number;
  /** Distinct strings; ids index it. */
  strings: string[];
  /** count × S string ids. */
  stringIds: Int32Array;
  /** count × A (start, length) pairs into `items`. */
  arrays: Int32Array;
  items: Int32Array;
  /** count × N numbers. */
  numbers: Float64Array;
  /** 1 when nhsValid. */
  flags: Uint8Array;
}

function shared<T>(make: (buffer: SharedArrayBuffer) => T, bytes: number): T {
  return make(new SharedArrayBuffer(Math.max(bytes, 8)));
}

/** Encodes records into shared typed columns (see above). */
export function encodeRecords(records: readonly StandardRecord[]): RecordColumns {
  const count = records.length;
  const strings: string[] = [];
  const ids = new Map<string, number>();
  // Values that repeat (names, dates, postcodes, tokens) are interned; values nearly unique
  // per record (record id, NHS number, phone, e-mail) are appended, since a Map insert per
  // record would cost more than it saves. Field accesses are written out one by one: a
  // keyed loop over field names made every access megamorphic (encoding took 40 % as long
  // as standardising).
  const idOf = (s: string | null): number => {
    if (s === null) return -1;
    let id = ids.get(s);
    if (id === undefined) {
      id = strings.length;
      strings.push(s);
      ids.set(s, id);
    }
    return id;
  };
  const add = (s: string | null): number => {
    if (s === null) return -1;
    strings.push(s);
    return strings.length - 1;
  };
  let itemCount = 0;
  for (let i = 0; i < count; i++) {
    const r = records[i];
    itemCount +=
      r.familyTokens.length +
      r.familyPhonetic.length +
      r.givenTokens.length +
      r.givenPhonetic.length +
      r.addressTokens.length +
      r.flags.length;
  }
  const stringIds = shared((b) => new Int32Array(b), count * S * 4);
  const arrays = shared((b) => new Int32Array(b), count * A * 2 * 4);
  const items = shared((b) => new Int32Array(b), itemCount * 4);
  const numbers = shared((b) => new Float64Array(b), count * N * 8);
  const flags = shared((b) => new Uint8Array(b), count);
  let item = 0;
  // standardise shares one token array among the records of one distinct value (per-value
  // caches): such an array is encoded once and its item range reused, found by identity.
  const seen = new Map<string[], number>();
  const list = (at: number, values: string[]) => {
    arrays[at + 1] = values.length;
    if (values.length === 0) return;
    const start = seen.get(values);
    if (start !== undefined) {
      arrays[at] = start;
      return;
    }
    seen.set(values, item);
    arrays[at] = item;
    for (let t = 0; t < values.length; t++) items[item++] = idOf(values[t]);
  };
  for (let i = 0; i < count; i++) {
    const r = records[i];
    const o = i * S;
    stringIds[o] = add(r.recordId);
    stringIds[o + 1] = add(r.nhsRaw);
    stringIds[o + 2] = add(r.nhs);
    stringIds[o + 3] = idOf(r.nhsStatus);
    stringIds[o + 4] = idOf(r.familyName);
    stringIds[o + 5] = idOf(r.givenName);
    stringIds[o + 6] = idOf(r.dob);
    stringIds[o + 7] = idOf(r.sex);
    stringIds[o + 8] = idOf(r.postcode);
    stringIds[o + 9] = idOf(r.postcodeArea);
    stringIds[o + 10] = idOf(r.postcodeDistrict);
    stringIds[o + 11] = idOf(r.postcodeSector);
    stringIds[o + 12] = add(r.phone);
    stringIds[o + 13] = add(r.email);
    const a = i * A * 2;
    list(a, r.familyTokens);
    list(a + 2, r.familyPhonetic);
    list(a + 4, r.givenTokens);
    list(a + 6, r.givenPhonetic);
    list(a + 8, r.addressTokens);
    list(a + 10, r.flags);
    const q = i * N;
    numbers[q] = r.dobYear ?? NaN;
    numbers[q + 1] = r.dobMonth ?? NaN;
    numbers[q + 2] = r.dobDay ?? NaN;
    numbers[q + 3] = r.dobYearOnly ?? NaN;
    flags[i] = r.nhsValid ? 1 : 0;
  }
  return { count, strings, stringIds, arrays, items, numbers, flags };
}

/**
 * Decodes the records of several tables, in order, into `out` (appended). Builds each record
 * with the property order `standardise` gives, so the objects share one hidden class.
 */
export function decodeRecords(
  tables: readonly RecordColumns[],
  out: StandardRecord[] = [],
): StandardRecord[] {
  for (const t of tables) {
    const { strings, stringIds, arrays, items, numbers, flags } = t;
    const str = (i: number, f: number): string | null => {
      const id = stringIds[i * S + f];
      return id < 0 ? null : strings[id];
    };
    const arr = (i: number, f: number): string[] => {
      const start = arrays[(i * A + f) * 2];
      const len = arrays[(i * A + f) * 2 + 1];
      const list = new Array<string>(len);
      for (let k = 0; k < len; k++) list[k] = strings[items[start + k]];
      return list;
    };
    const num = (i: number, f: number): number | null => {
      const v = numbers[i * N + f];
      return Number.isNaN(v) ? null : v;
    };
    for (let i = 0; i < t.count; i++) {
      const yearOnly = numbers[i * N + 3];
      // Two literals rather than a spread: one allocation per record, and the same
      // property order (dobYearOnly after dobYear) as standardise.
      if (Number.isNaN(yearOnly)) {
        out.push({
          recordId: str(i, 0),
          nhsRaw: str(i, 1),
          nhs: str(i, 2),
          nhsStatus: str(i, 3) as StandardRecord['nhsStatus'],
          nhsValid: flags[i] === 1,
          familyName: str(i, 4),
          familyTokens: arr(i, 0),
          familyPhonetic: arr(i, 1),
          givenName: str(i, 5),
          givenTokens: arr(i, 2),
          givenPhonetic: arr(i, 3),
          dob: str(i, 6),
          dobYear: num(i, 0),
          dobMonth: num(i, 1),
          dobDay: num(i, 2),
          sex: str(i, 7) as StandardRecord['sex'],
          postcode: str(i, 8),
          postcodeArea: str(i, 9),
          postcodeDistrict: str(i, 10),
          postcodeSector: str(i, 11),
          addressTokens: arr(i, 4),
          phone: str(i, 12),
          email: str(i, 13),
          flags: arr(i, 5),
        });
      } else {
        out.push({
          recordId: str(i, 0),
          nhsRaw: str(i, 1),
          nhs: str(i, 2),
          nhsStatus: str(i, 3) as StandardRecord['nhsStatus'],
          nhsValid: flags[i] === 1,
          familyName: str(i, 4),
          familyTokens: arr(i, 0),
          familyPhonetic: arr(i, 1),
          givenName: str(i, 5),
          givenTokens: arr(i, 2),
          givenPhonetic: arr(i, 3),
          dob: str(i, 6),
          dobYear: num(i, 0),
          dobYearOnly: yearOnly,
          dobMonth: num(i, 1),
          dobDay: num(i, 2),
          sex: str(i, 7) as StandardRecord['sex'],
          postcode: str(i, 8),
          postcodeArea: str(i, 9),
          postcodeDistrict: str(i, 10),
          postcodeSector: str(i, 11),
          addressTokens: arr(i, 4),
          phone: str(i, 12),
          email: str(i, 13),
          flags: arr(i, 5),
        });
      }
    }
  }
  return out;
}
