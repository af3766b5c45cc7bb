import { formatNhsNumber, stripNhsNumber } from '@concord/domain';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const EMPTY = '—';

/** NHS numbers as NHS systems show them (3-3-4); anything that is not ten digits is shown as sent. */
export function displayNhsNumber(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const digits = stripNhsNumber(value);
  return /^\d{10}$/.test(digits) ? formatNhsNumber(digits) : value;
}

/**
 * A calendar date (YYYY-MM-DD) as "7 Mar 1984". Parsed by hand, not with Date, so a date of
 * birth never shifts a day with the browser's time zone; an impossible date is shown as sent.
 */
export function displayDate(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!match) return value;
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (month < 1 || month > 12 || day < 1 || day > 31) return value;
  return `${day} ${MONTHS[month - 1]} ${match[1]}`;
}

/** A moment (ISO timestamp) as "7 Mar 2026, 14:05" in the steward's local time. */
export function displayDateTime(value: string | null | undefined): string {
  if (!value) return EMPTY;
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) return value;
  const hh = String(time.getHours()).padStart(2, '0');
  const mm = String(time.getMinutes()).padStart(2, '0');
  return `${time.getDate()} ${MONTHS[time.getMonth()]} ${time.getFullYear()}, ${hh}:${mm}`;
}

const SEXES: Record<string, string> = {
  m: 'Male',
  male: 'Male',
  '1': 'Male',
  f: 'Female',
  female: 'Female',
  '2': 'Female',
  o: 'Other',
  other: 'Other',
  x: 'Other',
  '9': 'Not specified',
  u: 'Unknown',
  unknown: 'Unknown',
  '0': 'Unknown',
};

export function displaySex(value: string | null | undefined): string {
  if (!value) return EMPTY;
  return SEXES[value.trim().toLowerCase()] ?? value;
}

/** Names the NHS way: FAMILY name in capitals, then given names. */
export function displayName(familyName: string | null | undefined, givenName: string | null | undefined): string {
  const family = familyName?.trim().toUpperCase() ?? '';
  const given = givenName?.trim() ?? '';
  if (family && given) return `${family}, ${given}`;
  return family || given || 'Name not recorded';
}

/**
 * A 0–1 probability as a percentage with one decimal place. A match probability that merely
 * rounds to 100% (or 0%) is shown as "> 99.9%" (or "< 0.1%"): a steward must never read a
 * statistical link as certain.
 */
export function displayProbability(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  if (value >= 1) return '100%';
  if (value <= 0) return '0%';
  if (value >= 0.9995) return '> 99.9%';
  if (value < 0.0005) return '< 0.1%';
  return `${(value * 100).toFixed(1)}%`;
}

export function displayScore(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return value.toFixed(2);
}

export function displayText(value: string | null | undefined): string {
  return value && value.trim() ? value : EMPTY;
}
