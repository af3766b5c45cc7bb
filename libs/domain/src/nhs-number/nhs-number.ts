/**
 * NHS number arithmetic (NHS Data Dictionary, "NHS Number"): ten digits, the tenth a
 * Modulus 11 check digit over the first nine with weights 10..2. A remainder giving
 * check value 11 becomes 0; check value 10 means the nine digits are never issued.
 */

const WEIGHTS = [10, 9, 8, 7, 6, 5, 4, 3, 2] as const;

/** Strips the spaces, dashes and dots that senders put inside NHS numbers. */
export function stripNhsNumber(raw: string | null | undefined): string {
  if (!raw) return '';
  return raw.replace(/[\s\-.]/g, '');
}

/**
 * The check digit for nine digits, or null when these nine digits can never form a
 * valid number (check value 10).
 */
export function nhsCheckDigit(firstNine: string): number | null {
  if (!/^\d{9}$/.test(firstNine)) throw new Error(`nhsCheckDigit needs nine digits, got "${firstNine}"`);
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += (firstNine.charCodeAt(i) - 48) * WEIGHTS[i];
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return null;
  return check;
}

/** True when `digits` is ten digits whose last digit is the Modulus 11 check digit. */
export function isValidNhsNumber(digits: string): boolean {
  if (digits.length !== 10) return false;
  for (let i = 0; i < 10; i++) {
    const c = digits.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  const check = nhsCheckDigit(digits.slice(0, 9));
  return check !== null && check === digits.charCodeAt(9) - 48;
}

/** Test numbers are issued from the 999 range and never belong to a real patient. */
export function isTestRangeNhsNumber(digits: string): boolean {
  return digits.length === 10 && digits.startsWith('999');
}

/** Ten repeated digits (0000000000, 1111111111, …) are placeholders typed by hand. */
export function isPlaceholderNhsNumber(digits: string): boolean {
  return digits.length === 10 && /^(\d)\1{9}$/.test(digits);
}

/** Formats ten digits the way NHS systems show them: 3-3-4 with spaces. */
export function formatNhsNumber(digits: string): string {
  if (digits.length !== 10) return digits;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
}

export type NhsNumberStatus = 'valid' | 'invalid' | 'test-range' | 'placeholder' | 'missing';

/** Classifies a raw NHS number as sent by a source system. */
export function classifyNhsNumber(raw: string | null | undefined): { digits: string; status: NhsNumberStatus } {
  const digits = stripNhsNumber(raw);
  if (digits === '') return { digits, status: 'missing' };
  if (isPlaceholderNhsNumber(digits)) return { digits, status: 'placeholder' };
  if (!isValidNhsNumber(digits)) return { digits, status: 'invalid' };
  if (isTestRangeNhsNumber(digits)) return { digits, status: 'test-range' };
  return { digits, status: 'valid' };
}
