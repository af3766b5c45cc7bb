import { DobFormat } from '../data/source-systems';
import { Ymd } from './types';

/**
 * Civil-date arithmetic on plain integers (Howard Hinnant's days_from_civil), so dates
 * never pass through Date objects and the output cannot depend on the local time zone.
 */
export function daysFromCivil({ y, m, d }: Ymd): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDays(days: number): Ymd {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: era * 400 + yoe + (m <= 2 ? 1 : 0), m, d };
}

/** The fixed "today" of the synthetic population: ages are counted from here, not the clock. */
export const REFERENCE_DATE: Ymd = { y: 2026, m: 11, d: 28 };
export const REFERENCE_DAYS = daysFromCivil(REFERENCE_DATE);

export function ageOn(dob: Ymd, on: Ymd = REFERENCE_DATE): number {
  let age = on.y - dob.y;
  if (on.m < dob.m || (on.m === dob.m && on.d < dob.d)) age--;
  return age;
}

const p2 = (n: number): string => (n < 10 ? `0${n}` : String(n));
const p4 = (n: number): string => String(n).padStart(4, '0');

/** Writes a date in one of the contract's accepted formats. */
export function formatDate(date: Ymd, format: DobFormat): string {
  if (format === 'compact') return `${p4(date.y)}${p2(date.m)}${p2(date.d)}`;
  if (format === 'uk') return `${p2(date.d)}/${p2(date.m)}/${p4(date.y)}`;
  return `${p4(date.y)}-${p2(date.m)}-${p2(date.d)}`;
}
