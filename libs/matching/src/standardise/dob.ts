/** Date of birth: the contract's three formats, checked against the calendar. */
export interface StandardDob {
  /** YYYYMMDD or null when missing, impossible or a known default. */
  value: string | null;
  year: number | null;
  month: number | null;
  day: number | null;
  /** The year of an impossible date whose year itself is plausible (1983-43-17): still evidence of age. */
  yearOnly?: number;
  flags: string[];
}

const MIN_YEAR = 1880;

function daysIn(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const MISSING: StandardDob = { value: null, year: null, month: null, day: null, flags: [] };

/**
 * Parses YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY. An impossible date (month 24, 31 April, a
 * future year) becomes missing with the flag 'dob-impossible'; 1900-01-01, a common
 * "unknown" default, becomes missing with 'dob-default-1900'; any other 1 January keeps
 * its value with 'dob-default-jan1' so that scoring can treat the agreement as weaker.
 */
export function standardDob(raw: string | null | undefined, maxYear?: number): StandardDob {
  if (!raw) return MISSING;
  if (maxYear !== undefined) return parseDob(raw, maxYear);
  // Cached per distinct raw value for the current year (dates repeat: ~36 k a century), so that
  // a million records share a few thousand result objects and strings instead of holding their own.
  const year = new Date().getUTCFullYear();
  if (year !== cacheYear || cache.size >= CACHE_LIMIT) {
    cache.clear();
    cacheYear = year;
  }
  let hit = cache.get(raw);
  if (hit === undefined) {
    hit = parseDob(raw, year);
    cache.set(raw, hit);
  }
  return hit;
}

const cache = new Map<string, StandardDob>();
const CACHE_LIMIT = 200_000;
let cacheYear = 0;

function parseDob(raw: string, maxYear: number): StandardDob {
  const s = raw.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else if ((m = /^(\d{4})(\d{2})(\d{2})$/.exec(s))) {
    y = +m[1];
    mo = +m[2];
    d = +m[3];
  } else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s))) {
    d = +m[1];
    mo = +m[2];
    y = +m[3];
  } else {
    return { ...MISSING, flags: ['dob-unreadable'] };
  }
  if (y < MIN_YEAR || y > maxYear || mo < 1 || mo > 12 || d < 1 || d > daysIn(y, mo)) {
    const yearOnly = y >= MIN_YEAR && y <= maxYear ? y : undefined;
    return yearOnly === undefined ? { ...MISSING, flags: ['dob-impossible'] } : { ...MISSING, yearOnly, flags: ['dob-impossible'] };
  }
  if (y === 1900 && mo === 1 && d === 1) return { ...MISSING, flags: ['dob-default-1900'] };
  const value = `${y}${mo < 10 ? '0' : ''}${mo}${d < 10 ? '0' : ''}${d}`;
  return { value, year: y, month: mo, day: d, flags: mo === 1 && d === 1 ? ['dob-default-jan1'] : [] };
}
