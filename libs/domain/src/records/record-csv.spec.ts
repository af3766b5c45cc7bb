import { parseCsv } from '../csv/csv-parser';
import { RecordCsvHeaderError, RecordCsvMapper, recordCsvHeader, recordCsvLine } from './record-csv';

describe('RecordCsvMapper', () => {
  it('maps columns in any order, ignores unknown ones and trims values', () => {
    const [header, ...rows] = parseCsv('nhs_number,extra,record_id,family_name\n 943 476 5919 ,x,r1,SMITH\n');
    const mapper = new RecordCsvMapper(header);
    expect(mapper.map(rows[0])).toEqual({
      ok: true,
      line: 2,
      record: { recordId: 'r1', nhsNumber: '943 476 5919', familyName: 'SMITH' },
    });
  });

  it('rejects empty and repeated record ids and short rows, with their lines', () => {
    const [header, ...rows] = parseCsv('record_id,family_name\n,SMITH\nr1,JONES\nr1,BROWN\nr2\n');
    const mapper = new RecordCsvMapper(header);
    const results = rows.map((r) => mapper.map(r));
    expect(results[0]).toEqual({ ok: false, line: 2, reason: 'record_id is empty' });
    expect(results[1]?.ok).toBe(true);
    expect(results[2]).toEqual({ ok: false, line: 4, reason: 'record_id "r1" appears earlier in the file' });
    expect(results[3]).toEqual({ ok: false, line: 5, reason: 'expected 2 fields as in the header, found 1' });
  });

  it('names the missing record_id column', () => {
    const [header] = parseCsv('id,family_name\n');
    expect(() => new RecordCsvMapper(header)).toThrow(RecordCsvHeaderError);
    expect(() => new RecordCsvMapper(header)).toThrow(/record_id/);
  });

  it('round-trips a record through recordCsvLine', () => {
    const record = { recordId: 'r9', familyName: "O'NEILL, JR", givenName: 'Ann "Nan"', postcode: 'LS1 4AP' };
    const [header, row] = parseCsv(recordCsvHeader() + recordCsvLine(record));
    expect(new RecordCsvMapper(header).map(row)).toEqual({ ok: true, line: 2, record });
  });
});
