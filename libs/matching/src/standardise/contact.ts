import { foldUpper, tokens } from './text';

const ABBREVIATIONS: Record<string, string> = {
  RD: 'ROAD', ST: 'STREET', STR: 'STREET', AVE: 'AVENUE', AV: 'AVENUE', LN: 'LANE', DR: 'DRIVE', CL: 'CLOSE',
  CRES: 'CRESCENT', CRESC: 'CRESCENT', CT: 'COURT', CRT: 'COURT', PL: 'PLACE', SQ: 'SQUARE', TCE: 'TERRACE',
  TER: 'TERRACE', TERR: 'TERRACE', GDNS: 'GARDENS', GDN: 'GARDEN', GRN: 'GREEN', GR: 'GROVE', GRV: 'GROVE',
  HSE: 'HOUSE', FLT: 'FLAT', APT: 'APARTMENT', PK: 'PARK', WY: 'WAY', MT: 'MOUNT', HTS: 'HEIGHTS', BLDGS: 'BUILDINGS',
  CTGS: 'COTTAGES', EST: 'ESTATE', PDE: 'PARADE', BVD: 'BOULEVARD', BLVD: 'BOULEVARD', HWY: 'HIGHWAY', CIR: 'CIRCUS',
};

/** Address tokens, abbreviations expanded (RD → ROAD), sorted and de-duplicated so that order does not matter. */
export function addressTokens(raw: string | null | undefined): string[] {
  if (!raw) return [];
  // Cached per distinct raw address, and each token interned: a million records then hold
  // shared token strings rather than ~6 M of their own, which the garbage collector would
  // otherwise walk on every full collection of the batch path.
  let hit = addressCache.get(raw);
  if (hit === undefined) {
    const set = new Set<string>();
    for (const t of tokens(foldUpper(raw))) set.add(internToken(ABBREVIATIONS[t] ?? t));
    hit = [...set].sort();
    if (addressCache.size >= CACHE_LIMIT) addressCache.clear();
    addressCache.set(raw, hit);
  }
  return hit;
}

const CACHE_LIMIT = 200_000;
const addressCache = new Map<string, string[]>();
const tokenCache = new Map<string, string>();

function internToken(t: string): string {
  const hit = tokenCache.get(t);
  if (hit !== undefined) return hit;
  if (tokenCache.size >= CACHE_LIMIT) tokenCache.clear();
  tokenCache.set(t, t);
  return t;
}

/** Phone digits in UK national form (+44 7700 → 07700); null when too short to identify anyone. */
export function standardPhone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  let d = raw.replace(/\D/g, '');
  if (d.startsWith('0044')) d = '0' + d.slice(4);
  else if (d.startsWith('44') && d.length === 12) d = '0' + d.slice(2);
  if (d.length < 6 || /^(\d)\1+$/.test(d)) return null;
  return d;
}

/** E-mail in lower case; null unless it looks like an address. */
export function standardEmail(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const e = raw.trim().toLowerCase();
  return /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(e) ? e : null;
}

/** Sex in every contract coding (M F O U, 1 2 9 X 0, male female other unknown) to M, F, O or U. */
/** The codings that mean "not known" (CONTRACT §2: U, X, 0, unknown; NHS Data Dictionary: not known, not specified). */
const UNKNOWN_SEX_CODINGS = new Set(['U', 'X', '0', 'UNKNOWN', 'NOT KNOWN', 'NOT SPECIFIED', 'UNSPECIFIED']);

/**
 * Whether a sent sex value is a coding Concord knows. Anything else still standardises to U
 * (no evidence either way), and the record is flagged `sex-unrecognised` so that the value is
 * not lost silently.
 */
export function isKnownSexCoding(raw: string | null | undefined): boolean {
  if (!raw || raw.trim() === '') return true;
  return standardSex(raw) !== 'U' || UNKNOWN_SEX_CODINGS.has(raw.trim().toUpperCase());
}

export function standardSex(raw: string | null | undefined): 'M' | 'F' | 'O' | 'U' {
  if (!raw) return 'U';
  switch (raw.trim().toUpperCase()) {
    case 'M':
    case '1':
    case 'MALE':
    case 'MAN':
      return 'M';
    case 'F':
    case '2':
    case 'FEMALE':
    case 'WOMAN':
      return 'F';
    case 'O':
    case '9':
    case 'OTHER':
    case 'INDETERMINATE':
      return 'O';
    default:
      return 'U';
  }
}
