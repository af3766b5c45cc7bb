import { Prng } from '../random/prng';
import { nicknamesOf } from '../data/nicknames';
import { PHONETIC_RULES, phoneticVariantsOf } from '../data/phonetic';
import { RecordDraft } from './draft';
import { Person } from './types';

/**
 * Record-level noise. Each function edits a draft the way one real data-entry fault
 * does and returns whether it could apply (a nickname needs a name that has one), so
 * the summary counts what was actually emitted, not what was attempted.
 */

const KEYBOARD_NEIGHBOURS: Record<string, string> = {
  a: 'sqz', b: 'vn', c: 'xv', d: 'sf', e: 'wr', f: 'dg', g: 'fh', h: 'gj', i: 'uo', j: 'hk', k: 'jl', l: 'k',
  m: 'n', n: 'bm', o: 'ip', p: 'o', q: 'w', r: 'et', s: 'ad', t: 'ry', u: 'yi', v: 'cb', w: 'qe', x: 'zc',
  y: 'tu', z: 'x',
};

function matchCase(template: string, s: string): string {
  return template === template.toUpperCase() ? s.toUpperCase() : s;
}

/** One keying slip: a neighbouring key, a dropped or doubled letter, or two letters swapped. */
export function typoOf(rng: Prng, name: string): string {
  if (name.length < 3) return name + name[name.length - 1];
  const at = 1 + rng.int(name.length - 2);
  const c = name[at];
  switch (rng.int(4)) {
    case 0: {
      const near = KEYBOARD_NEIGHBOURS[c.toLowerCase()];
      if (near) return name.slice(0, at) + matchCase(c, rng.pick(near.split(''))) + name.slice(at + 1);
      return name.slice(0, at) + name.slice(at + 1);
    }
    case 1:
      return name.slice(0, at) + name.slice(at + 1);
    case 2:
      return name.slice(0, at) + c + name.slice(at);
    default:
      if (name[at + 1] && name[at + 1] !== c) return name.slice(0, at) + name[at + 1] + c + name.slice(at + 2);
      return name.slice(0, at) + name.slice(at + 1);
  }
}

export function applyTypo(rng: Prng, draft: RecordDraft): boolean {
  if (rng.chance(0.5)) draft.family = typoOf(rng, draft.family);
  else draft.given = typoOf(rng, draft.given);
  return true;
}

/** A sound-alike spelling from the table, else the first spelling rule that changes the name. */
export function phoneticOf(rng: Prng, name: string): string | null {
  const known = phoneticVariantsOf(name);
  if (known.length > 0) return rng.pick(known);
  for (const [pattern, replacement] of PHONETIC_RULES) {
    const out = name.replace(pattern, replacement);
    if (out !== name && out.length > 1) return out.charAt(0).toUpperCase() + out.slice(1);
  }
  return null;
}

export function applyPhonetic(rng: Prng, draft: RecordDraft): boolean {
  // Prefer a field with a known sound-alike (Mohammed/Muhammad) over a rule-made spelling.
  const givenFirst =
    phoneticVariantsOf(draft.given).length > 0 || (phoneticVariantsOf(draft.family).length === 0 && rng.chance(0.4));
  for (const field of givenFirst ? (['given', 'family'] as const) : (['family', 'given'] as const)) {
    const out = phoneticOf(rng, draft[field]);
    if (out !== null) {
      draft[field] = out;
      return true;
    }
  }
  return false;
}

export function applyNickname(rng: Prng, draft: RecordDraft): boolean {
  const nicks = nicknamesOf(draft.given);
  if (nicks.length === 0) return false;
  const nick = rng.pick(nicks);
  draft.given = nick.charAt(0).toUpperCase() + nick.slice(1);
  return true;
}

/** Known by the middle name: the middle name is sent as given, the given name moves to "other". */
export function applyMiddleAsGiven(_rng: Prng, draft: RecordDraft): boolean {
  if (draft.middle.length === 0) return false;
  const [first, ...rest] = draft.middle;
  draft.middle = [draft.given, ...rest];
  draft.given = first;
  return true;
}

export function applySwappedNames(_rng: Prng, draft: RecordDraft): boolean {
  const given = draft.given;
  draft.given = draft.family;
  draft.family = given;
  return true;
}

/** SMITH-JONES sent as SMITH, JONES or SMITH JONES. */
export function applyPartialDoubleBarrel(rng: Prng, draft: RecordDraft): boolean {
  const parts = draft.family.split('-');
  if (parts.length !== 2) return false;
  const r = rng.int(3);
  draft.family = r === 0 ? parts[0] : r === 1 ? parts[1] : `${parts[0]} ${parts[1]}`;
  return true;
}

/** O'BRIEN → OBRIEN or O BRIEN; WÓJCIK → WOJCIK; ZOË → ZOE: what ASCII-only feeds do. */
export function applyAccentsApostrophes(rng: Prng, draft: RecordDraft): boolean {
  const fold = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ł/g, 'l')
      .replace(/Ł/g, 'L')
      .replace(/'/g, rng.chance(0.5) ? '' : ' ');
  const given = fold(draft.given);
  const family = fold(draft.family);
  if (given === draft.given && family === draft.family) return false;
  draft.given = given;
  draft.family = family;
  return true;
}

export function applyMessyCase(_rng: Prng, draft: RecordDraft): boolean {
  draft.messy = true;
  return true;
}

/** The surname before marriage (older registrations keep it). */
export function applyMaidenName(_rng: Prng, draft: RecordDraft, person: Person): boolean {
  if (!person.maidenName || draft.family !== person.identity.familyName) return false;
  draft.family = person.maidenName;
  return true;
}

export function applyDobSwap(_rng: Prng, draft: RecordDraft): boolean {
  const dob = draft.dob;
  if (!dob || dob.d > 12 || dob.d === dob.m) return false;
  draft.dob = { y: dob.y, m: dob.d, d: dob.m };
  return true;
}

/** One digit of the written date wrong; may give an impossible date (the contract allows it). */
export function applyDobDigit(rng: Prng, draft: RecordDraft): boolean {
  const dob = draft.dob;
  if (!dob) return false;
  const iso = `${String(dob.y).padStart(4, '0')}${String(dob.m).padStart(2, '0')}${String(dob.d).padStart(2, '0')}`;
  // Never touch the century digits: 1 9 → 2 9 is not a plausible slip.
  const at = 2 + rng.int(6);
  const digit = (iso.charCodeAt(at) - 48 + 1 + rng.int(9)) % 10;
  const out = iso.slice(0, at) + digit + iso.slice(at + 1);
  const y = Number(out.slice(0, 4));
  const m = Number(out.slice(4, 6));
  const d = Number(out.slice(6, 8));
  const valid = m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
  if (valid) draft.dob = { y, m, d };
  else draft.dobText = `${out.slice(0, 4)}-${out.slice(4, 6)}-${out.slice(6, 8)}`;
  return true;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(m) ? 30 : 31;
}

export function applyDobYearOff(rng: Prng, draft: RecordDraft): boolean {
  const dob = draft.dob;
  if (!dob) return false;
  const y = dob.y + (rng.chance(0.5) ? 1 : -1);
  draft.dob = { y, m: dob.m, d: Math.min(dob.d, daysInMonth(y, dob.m)) };
  return true;
}

export function applyDobJanFirst(_rng: Prng, draft: RecordDraft): boolean {
  const dob = draft.dob;
  if (!dob || (dob.m === 1 && dob.d === 1)) return false;
  draft.dob = { y: dob.y, m: 1, d: 1 };
  return true;
}

/** A feed sending the date in another accepted format than the system usually does. */
export function applyDobFormat(rng: Prng, draft: RecordDraft): boolean {
  const others = (['iso', 'compact', 'uk'] as const).filter((f) => f !== draft.system.dob);
  draft.dobFormat = rng.pick(others);
  return true;
}

export function applyMissingDob(_rng: Prng, draft: RecordDraft): boolean {
  draft.dob = null;
  return true;
}

export function applyMissingPhone(_rng: Prng, draft: RecordDraft): boolean {
  if (!draft.phone) return false;
  draft.phone = '';
  return true;
}

export function applyMissingPostcode(_rng: Prng, draft: RecordDraft): boolean {
  if (!draft.postcode) return false;
  draft.postcode = '';
  return true;
}

export function applyAddressSpelling(_rng: Prng, draft: RecordDraft): boolean {
  if (!draft.address) return false;
  draft.abbreviateStreet = true;
  return true;
}

/** Sex in another of the contract's codings, or as "unknown" when the clerk did not ask. */
export function applySexCoding(rng: Prng, draft: RecordDraft): boolean {
  if (rng.chance(0.3)) {
    // Not asked, not recorded, or recorded as other.
    draft.sex = rng.pick(['U', 'U', '', 'O'] as const);
  }
  const codings = (['letter', 'digit', 'digit-x', 'word', 'lower-letter'] as const).filter((c) => c !== draft.system.sex);
  draft.sexCodingOverride = rng.pick(codings);
  return true;
}
