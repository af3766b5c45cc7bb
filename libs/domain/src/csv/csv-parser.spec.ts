import { CsvParser, csvLine, parseCsv } from './csv-parser';

describe('CsvParser', () => {
  it('parses plain rows with their line numbers', () => {
    expect(parseCsv('a,b\n1,2\r\n3,4')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['1', '2'] },
      { line: 3, fields: ['3', '4'] },
    ]);
  });

  it('handles quoted commas, doubled quotes and line breaks inside quotes', () => {
    const rows = parseCsv('id,name\n1,"O\'Brien, ""Pat"""\n2,"two\nlines"\n3,x\n');
    expect(rows).toEqual([
      { line: 1, fields: ['id', 'name'] },
      { line: 2, fields: ['1', 'O\'Brien, "Pat"'] },
      { line: 3, fields: ['2', 'two\nlines'] },
      { line: 5, fields: ['3', 'x'] },
    ]);
  });

  it('gives the same rows whatever the chunk boundaries', () => {
    const text = 'id,name,note\n1,"A, B","say ""hi"""\r\n2,,"multi\r\nline"\n3,plain,end\n';
    const whole = parseCsv(text);
    for (let size = 1; size <= 7; size++) {
      const parser = new CsvParser();
      const rows = [];
      for (let i = 0; i < text.length; i += size) rows.push(...parser.push(text.slice(i, i + size)));
      rows.push(...parser.end());
      expect(rows).toEqual(whole);
    }
  });

  it('round-trips values through csvLine', () => {
    const values = ['plain', 'with,comma', 'with "quote"', 'new\nline', ''];
    expect(parseCsv(csvLine(values))).toEqual([{ line: 1, fields: values }]);
  });
});
