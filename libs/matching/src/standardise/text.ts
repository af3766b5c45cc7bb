/**
 * Text normalisation shared by the name and address standardisers: upper case, accents
 * folded, punctuation dropped. Everything here runs once per distinct value (callers
 * cache), never per pair.
 */

const NON_ASCII = /[^\x20-\x7e]/;
const COMBINING = /[\u0300-\u036f]/g;

/** Upper case with accents folded (É → E, ß → SS, Ø → O) and apostrophes removed (O'BRIEN → OBRIEN). */
export function foldUpper(value: string): string {
  let s = value;
  if (NON_ASCII.test(s)) {
    s = s
      .normalize('NFD')
      .replace(COMBINING, '')
      .replace(/ß/g, 'ss')
      .replace(/[øØ]/g, 'o')
      .replace(/[æÆ]/g, 'ae')
      .replace(/[łŁ]/g, 'l')
      .replace(/[‘’`´]/g, "'");
  }
  return s.toUpperCase().replace(/'/g, '');
}

/** Splits folded text into alphanumeric tokens: hyphens, dots, commas and spaces all separate. */
export function tokens(folded: string): string[] {
  const out: string[] = [];
  for (const t of folded.split(/[^A-Z0-9]+/)) if (t !== '') out.push(t);
  return out;
}
