/**
 * Incremental RFC 4180 parser: feed it chunks of text, get back complete rows with the
 * line number each row starts on. Quoted fields may hold commas, doubled quotes and line
 * breaks. It never holds more than one unfinished row, so a file of any size streams
 * through in constant memory. It does no I/O: readers at the edges feed it.
 */
export interface CsvRow {
  /** 1-based line number of the row's first physical line (the header is line 1). */
  line: number;
  fields: string[];
}

export class CsvParser {
  private pending = '';
  private nextLine = 1;

  /** Parses every complete row in `chunk` (together with what was left over before). */
  push(chunk: string): CsvRow[] {
    const text = this.pending + chunk;
    const rows: CsvRow[] = [];
    const consumed = this.parse(text, rows, false);
    this.pending = text.slice(consumed);
    return rows;
  }

  /** Parses what is left at the end of input (a last row without a line break). */
  end(): CsvRow[] {
    const rows: CsvRow[] = [];
    if (this.pending.length > 0) this.parse(this.pending, rows, true);
    this.pending = '';
    return rows;
  }

  /** Returns how many characters of `text` were consumed as complete rows. */
  private parse(text: string, rows: CsvRow[], final: boolean): number {
    let pos = 0;
    const n = text.length;
    while (pos < n) {
      const nl = text.indexOf('\n', pos);
      const lineEnd = nl === -1 ? n : nl;
      if (nl === -1 && !final) return pos;
      const quote = text.indexOf('"', pos);
      if (quote === -1 || quote > lineEnd) {
        // Fast path: no quotes on this line, so a plain split is exact.
        let end = lineEnd;
        if (end > pos && text.charCodeAt(end - 1) === 13) end--;
        rows.push({ line: this.nextLine, fields: text.slice(pos, end).split(',') });
        this.nextLine++;
        pos = nl === -1 ? n : nl + 1;
        continue;
      }
      const result = this.parseQuotedRow(text, pos, final);
      if (result === null) return pos;
      rows.push({ line: this.nextLine, fields: result.fields });
      this.nextLine += result.lines;
      pos = result.next;
    }
    return pos;
  }

  private parseQuotedRow(
    text: string,
    start: number,
    final: boolean,
  ): { fields: string[]; next: number; lines: number } | null {
    const fields: string[] = [];
    let field = '';
    let i = start;
    let lines = 1;
    const n = text.length;
    while (i <= n) {
      if (i === n) {
        if (!final) return null;
        fields.push(field);
        return { fields, next: n, lines };
      }
      const c = text.charCodeAt(i);
      if (c === 34 /* " */ && field === '') {
        // Quoted field: read to the closing quote, unescaping doubled quotes.
        i++;
        for (;;) {
          const q = text.indexOf('"', i);
          if (q === -1) {
            if (!final) return null;
            // Unterminated quote at end of input: keep what there is.
            field += text.slice(i);
            fields.push(field);
            return { fields, next: n, lines: lines + countNewlines(text, i, n) };
          }
          lines += countNewlines(text, i, q);
          field += text.slice(i, q);
          if (q + 1 < n && text.charCodeAt(q + 1) === 34) {
            field += '"';
            i = q + 2;
            continue;
          }
          if (q + 1 === n && !final) return null;
          i = q + 1;
          break;
        }
        // Anything between the closing quote and the next delimiter is kept as text.
        while (i < n) {
          const d = text.charCodeAt(i);
          if (d === 44 || d === 10 || d === 13) break;
          field += text[i];
          i++;
        }
        continue;
      }
      if (c === 44 /* , */) {
        fields.push(field);
        field = '';
        i++;
        continue;
      }
      if (c === 13 && i + 1 < n && text.charCodeAt(i + 1) === 10) {
        fields.push(field);
        return { fields, next: i + 2, lines };
      }
      if (c === 13 && i + 1 === n && !final) return null;
      if (c === 10) {
        fields.push(field);
        return { fields, next: i + 1, lines };
      }
      field += text[i];
      i++;
    }
    return null;
  }
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/** Parses a whole CSV text at once (tests, small files). */
export function parseCsv(text: string): CsvRow[] {
  const parser = new CsvParser();
  return [...parser.push(text), ...parser.end()];
}

/** Quotes a value when RFC 4180 requires it. */
export function csvField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  if (/[",\r\n]/.test(s)) return `"${s.replace(/"/g, '""')}"`;
  return s;
}

/** One CSV line (with its trailing newline) from values. */
export function csvLine(values: ReadonlyArray<string | number | null | undefined>): string {
  return values.map(csvField).join(',') + '\n';
}
