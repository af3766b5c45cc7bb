import { Prng, WeightedTable } from '../random/prng';
import { ORIGIN_WEIGHTS, Origin, SURNAMES } from '../data/surnames';
import { GIVEN_NAMES } from '../data/given-names';
import { AREAS, Area, EMAIL_DOMAINS, INWARD_LETTERS, STREET_NAMES, STREET_TYPES } from '../data/places';
import { REFERENCE_DAYS, ageOn, civilFromDays } from './dates';
import { Address, Person, Sex, Ymd } from './types';
import { NhsNumberAllocator } from './nhs-numbers';

/** Weighted tables are built once per process: construction dominates small runs otherwise. */
const ORIGINS = new WeightedTable(ORIGIN_WEIGHTS);
const SURNAME_TABLES = new Map<Origin, WeightedTable<string>>(
  (Object.keys(SURNAMES) as Origin[]).map((o) => [o, new WeightedTable(SURNAMES[o])]),
);
const GIVEN_TABLES = new Map<string, WeightedTable<string>>();
for (const origin of Object.keys(GIVEN_NAMES) as Origin[]) {
  for (const sex of ['M', 'F'] as const) GIVEN_TABLES.set(`${origin}:${sex}`, new WeightedTable(GIVEN_NAMES[origin][sex]));
}
const AREA_TABLE = new WeightedTable(AREAS.map((a) => [a, a.weight] as const));
const STREET_TYPE_TABLE = new WeightedTable(STREET_TYPES.map((t, i) => [i, t[2]] as const));
const DOMAIN_TABLE = new WeightedTable(EMAIL_DOMAINS);

/** Ages 0–100 shaped like the UK population pyramid (flat to 60, thinning after 75). */
const AGE_TABLE = new WeightedTable(
  Array.from({ length: 101 }, (_, age) => [age, age < 60 ? 1 : age < 75 ? 0.9 : age < 85 ? 0.55 : age < 95 ? 0.2 : 0.04] as const),
);

export function drawOrigin(rng: Prng): Origin {
  return ORIGINS.draw(rng);
}

export function drawSurname(rng: Prng, origin: Origin): string {
  return (SURNAME_TABLES.get(origin) as WeightedTable<string>).draw(rng);
}

export function drawGivenName(rng: Prng, origin: Origin, sex: Sex): string {
  // Children of families settled here for a generation often get British given names.
  const from = origin !== 'british' && rng.chance(0.1) ? 'british' : origin;
  return (GIVEN_TABLES.get(`${from}:${sex}`) as WeightedTable<string>).draw(rng);
}

export function drawMiddleNames(rng: Prng, origin: Origin, sex: Sex, given: string): string[] {
  const r = rng.next();
  const count = r < 0.35 ? 0 : r < 0.9 ? 1 : 2;
  const out: string[] = [];
  for (let guard = 0; out.length < count && guard < 10; guard++) {
    const name = drawGivenName(rng, origin, sex);
    if (name !== given && !out.includes(name)) out.push(name);
  }
  return out;
}

/** A date of birth giving an age drawn from the pyramid, or exactly `age` when given. */
export function drawDob(rng: Prng, age?: number): Ymd {
  const years = age ?? AGE_TABLE.draw(rng);
  return civilFromDays(REFERENCE_DAYS - Math.floor(years * 365.25) - rng.int(365));
}

export function drawAddress(rng: Prng, area?: Area): Address {
  const where = area ?? AREA_TABLE.draw(rng);
  const outward = rng.pick(where.outwardCodes);
  const inward = `${rng.int(10)}${INWARD_LETTERS[rng.int(20)]}${INWARD_LETTERS[rng.int(20)]}`;
  const house = rng.chance(0.06) ? `Flat ${rng.range(1, 24)}, ${rng.range(1, 180)}` : String(rng.range(1, 250));
  return {
    houseNumber: house,
    street: rng.pick(STREET_NAMES),
    streetType: STREET_TYPE_TABLE.draw(rng),
    town: where.town,
    postcode: `${outward} ${inward}`,
    area: where.key,
  };
}

/** An address in the same area (a move across town) or in another area. */
export function drawMove(rng: Prng, from: Address, sameArea: boolean): Address {
  if (sameArea) return drawAddress(rng, AREAS.find((a) => a.key === from.area));
  for (;;) {
    const to = drawAddress(rng);
    if (to.area !== from.area) return to;
  }
}

/** A UK mobile number (07xxx xxxxxx); random, so it may exist: never dial it. */
export function drawMobile(rng: Prng): string {
  return `07${rng.range(400, 999)} ${rng.digits(6)}`;
}

function asciiLower(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

export function drawEmail(rng: Prng, given: string, family: string): string {
  const sep = rng.pick(['.', '_', '']);
  const suffix = rng.chance(0.5) ? String(rng.range(1, 99)) : '';
  return `${asciiLower(given)}${sep}${asciiLower(family)}${suffix}@${DOMAIN_TABLE.draw(rng)}`;
}

export interface PersonOptions {
  sex?: Sex;
  origin?: Origin;
  age?: number;
  dob?: Ymd;
  givenName?: string;
  familyName?: string;
  middleNames?: string[];
  address?: Address;
  phone?: string;
}

/**
 * Builds one person. Everything not fixed by `options` is drawn: households and
 * scenario builders pass the shared parts (surname, address, date of birth).
 */
export function makePerson(rng: Prng, key: string, nhs: NhsNumberAllocator, options: PersonOptions = {}): Person {
  const origin = options.origin ?? drawOrigin(rng);
  const sex = options.sex ?? (rng.chance(0.5) ? 'M' : 'F');
  const dob = options.dob ?? drawDob(rng, options.age);
  const givenName = options.givenName ?? drawGivenName(rng, origin, sex);
  let familyName = options.familyName ?? drawSurname(rng, origin);
  let maidenName: string | undefined;
  if (!options.familyName && (origin === 'british' || origin === 'irish') && rng.chance(0.03)) {
    // Double-barrelled surnames: records often keep only one half.
    const other = drawSurname(rng, 'british');
    if (other !== familyName) familyName = `${familyName}-${other}`;
  }
  const age = ageOn(dob);
  if (!options.familyName && sex === 'F' && age >= 22 && rng.chance(0.4)) {
    maidenName = familyName;
    familyName = drawSurname(rng, rng.chance(0.8) ? origin : drawOrigin(rng));
    if (familyName === maidenName) maidenName = undefined;
  }
  const phone = options.phone ?? drawMobile(rng);
  return {
    key,
    origin,
    dob,
    identity: {
      nhsNumber: nhs.next(),
      givenName,
      middleNames: options.middleNames ?? drawMiddleNames(rng, origin, sex, givenName),
      familyName,
      sex,
    },
    maidenName,
    address: options.address ?? drawAddress(rng),
    phone,
    email: age >= 16 && rng.chance(0.35) ? drawEmail(rng, givenName, familyName) : '',
  };
}
