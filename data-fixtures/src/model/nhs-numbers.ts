import { isValidNhsNumber, nhsCheckDigit } from '@concord/domain';
import { Prng } from '../random/prng';
import { NhsLayout } from '../data/source-systems';
import { Sex, Ymd } from './types';

/**
 * Issues unique valid NHS numbers from the ranges England and Wales issue
 * (400 000 000–499 999 999 and 600 000 000–799 999 999 before the check digit).
 * Random draws would collide (a million draws from 300 M values give ~1,700 accidental
 * shared numbers, i.e. unintended confusions), so numbers come from a seed-offset affine
 * permutation of a counter: distinct counters give distinct numbers, none is reused.
 */
export class NhsNumberAllocator {
  private static readonly SPACE = 300_000_000;
  // Coprime with 300 000 000 (= 2^8·3·5^8), so counter → value is a bijection.
  private static readonly STEP = 123_456_791;
  private counter = 0;
  private readonly offset: number;

  constructor(rng: Prng) {
    this.offset = rng.int(NhsNumberAllocator.SPACE);
  }

  next(): string {
    // counter · STEP stays an exact double (< 2^53) for up to ~70 M numbers.
    for (;;) {
      const x = (this.counter * NhsNumberAllocator.STEP + this.offset) % NhsNumberAllocator.SPACE;
      this.counter++;
      const stem = String(x < 100_000_000 ? 400_000_000 + x : 500_000_000 + x);
      const check = nhsCheckDigit(stem);
      // Check value 10: these nine digits are never issued, move on to the next counter.
      if (check !== null) return stem + check;
    }
  }
}

/** One digit replaced by another: never passes Modulus 11 (11 is prime, weights < 11). */
export function nhsTypo(rng: Prng, valid: string): string {
  for (;;) {
    const at = rng.int(10);
    const digit = (valid.charCodeAt(at) - 48 + 1 + rng.int(9)) % 10;
    const out = valid.slice(0, at) + digit + valid.slice(at + 1);
    if (!isValidNhsNumber(out)) return out;
  }
}

/** Two adjacent different digits swapped; retried until the result fails the check. */
export function nhsTransposition(rng: Prng, valid: string): string {
  for (let attempt = 0; attempt < 50; attempt++) {
    const at = rng.int(9);
    if (valid[at] === valid[at + 1]) continue;
    const out = valid.slice(0, at) + valid[at + 1] + valid[at] + valid.slice(at + 2);
    if (!isValidNhsNumber(out)) return out;
  }
  // Numbers like 4444444446 have almost no swappable pair; fall back to a typo.
  return nhsTypo(rng, valid);
}

/**
 * A number that passes Modulus 11 but is not the person's: two of the first nine digits
 * mistyped and the check digit happening to fit (what a PDS trace returns for the wrong
 * patient, or a keying slip that the checksum cannot catch).
 */
export function nhsValidButWrong(rng: Prng, valid: string): string {
  for (;;) {
    const chars = valid.slice(0, 9).split('');
    const i = 3 + rng.int(6);
    const j = 3 + rng.int(6);
    chars[i] = String(rng.int(10));
    chars[j] = String(rng.int(10));
    const stem = chars.join('');
    const check = nhsCheckDigit(stem);
    if (check === null) continue;
    const out = stem + check;
    if (out !== valid) return out;
  }
}

/**
 * Scottish CHI number: DDMMYY of birth, two serial digits, a sex digit (odd male, even
 * female) and a Modulus 11 check digit. Valid under the same check, but in 010–311.
 */
export function chiNumber(rng: Prng, dob: Ymd, sex: Sex, issued: Set<string>): string {
  const ddmmyy = `${String(dob.d).padStart(2, '0')}${String(dob.m).padStart(2, '0')}${String(dob.y % 100).padStart(2, '0')}`;
  for (;;) {
    const sexDigit = 2 * rng.int(5) + (sex === 'M' ? 1 : 0);
    const stem = `${ddmmyy}${rng.digits(2)}${sexDigit}`;
    const check = nhsCheckDigit(stem);
    if (check === null) continue;
    const out = stem + check;
    if (!issued.has(out)) {
      issued.add(out);
      return out;
    }
  }
}

/** A small pool of 999-range test numbers, shared by whoever a clerk types them for. */
export function testRangePool(rng: Prng, size: number): string[] {
  const pool: string[] = [];
  while (pool.length < size) {
    const stem = `999${rng.digits(6)}`;
    const check = nhsCheckDigit(stem);
    // 999 999 9999 would classify as a placeholder rather than a test number.
    if (check !== null && stem !== '999999999') pool.push(stem + check);
  }
  return pool;
}

/** Lays ten digits out the way a system sends them. */
export function layoutNhs(digits: string, layout: NhsLayout): string {
  if (digits.length !== 10) return digits;
  if (layout === 'spaced') return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6)}`;
  if (layout === 'dashed') return `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  return digits;
}
