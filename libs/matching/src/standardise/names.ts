import { foldUpper, tokens } from './text';
import { metaphone } from './phonetic';

/** Titles and generational suffixes carry no identity: dropped before comparing. */
const NOISE = new Set([
  'MR', 'MRS', 'MS', 'MISS', 'MX', 'DR', 'PROF', 'REV', 'REVD', 'SIR', 'DAME', 'LADY', 'LORD', 'MSTR', 'MASTER',
  'JR', 'JNR', 'JUNIOR', 'SR', 'SNR', 'SENIOR', 'II', 'III', 'IV',
]);

/** Values typed when the name is not known: blanked so that they never count as agreement. */
const PLACEHOLDER_TOKENS = new Set([
  'UNKNOWN', 'UNK', 'NK', 'NOTKNOWN', 'UNNAMED', 'NONAME', 'BABY', 'INFANT', 'NEWBORN', 'TWIN', 'TEST', 'PATIENT', 'XX', 'XXX',
]);
const PLACEHOLDER_PHRASES = [/^NOT KNOWN$/, /^NO NAME$/, /^BABY( OF)?\b/, /^(BABY )?(BOY|GIRL)( \d+)?$/, /^TWIN( [0-9A-Z])?$/, /^(UNKNOWN|UNIDENTIFIED) ?(MALE|FEMALE|MAN|WOMAN|PERSON|PATIENT)?( \d+)?$/];

/** NATO phonetic alphabet: emergency departments register unidentified patients as e.g. "ALPHA BRAVO". */
const PHONETIC_ALPHABET = new Set([
  'ALPHA', 'ALFA', 'BRAVO', 'CHARLIE', 'DELTA', 'ECHO', 'FOXTROT', 'GOLF', 'HOTEL', 'INDIA', 'JULIET', 'JULIETT', 'KILO',
  'LIMA', 'MIKE', 'NOVEMBER', 'OSCAR', 'PAPA', 'QUEBEC', 'ROMEO', 'SIERRA', 'TANGO', 'UNIFORM', 'VICTOR', 'WHISKEY',
  'WHISKY', 'XRAY', 'YANKEE', 'ZULU', 'TRAUMA', 'MAJAX', 'INCIDENT', 'UNKNOWN', 'MALE', 'FEMALE',
]);

export interface StandardName {
  /** Tokens joined by single spaces, or null when missing or a placeholder. */
  text: string | null;
  tokens: string[];
  /** Primary Double Metaphone code per token. */
  phonetic: string[];
  placeholder: boolean;
}

const EMPTY: StandardName = { text: null, tokens: [], phonetic: [], placeholder: false };
const cache = new Map<string, StandardName>();

/** Standard form of one name field, cached per distinct raw value (names repeat a lot). */
export function standardName(raw: string | null | undefined): StandardName {
  if (!raw) return EMPTY;
  let hit = cache.get(raw);
  if (hit === undefined) {
    hit = computeName(raw);
    if (cache.size >= 200_000) cache.clear();
    cache.set(raw, hit);
  }
  return hit;
}

function computeName(raw: string): StandardName {
  const folded = foldUpper(raw);
  const all = tokens(folded).filter((t) => !NOISE.has(t));
  if (all.length === 0) return EMPTY;
  const joined = all.join(' ');
  if (PLACEHOLDER_PHRASES.some((re) => re.test(joined)) || all.every((t) => PLACEHOLDER_TOKENS.has(t) || /^\d+$/.test(t))) {
    return { text: null, tokens: [], phonetic: [], placeholder: true };
  }
  const words = all.filter((t) => !/^\d+$/.test(t));
  if (words.length === 0) return { text: null, tokens: [], phonetic: [], placeholder: true };
  return { text: words.join(' '), tokens: words, phonetic: words.map(metaphone), placeholder: false };
}

/** True when a name looks like an emergency-department alias (every token from the phonetic alphabet). */
export function isEmergencyAlias(family: string | null | undefined, given: string | null | undefined): boolean {
  const f = tokens(foldUpper(family ?? ''));
  const g = tokens(foldUpper(given ?? ''));
  if (f.length === 0 || g.length === 0) return false;
  return f.every((t) => PHONETIC_ALPHABET.has(t) || /^\d+$/.test(t)) && g.every((t) => PHONETIC_ALPHABET.has(t) || /^\d+$/.test(t));
}
