import { CLOSE_TWIN_NAMES } from '../data/given-names';
import { COMMON_FULL_NAMES, Origin } from '../data/surnames';
import { NO_FIXED_ABODE_POSTCODE } from '../data/places';
import { SOURCE_SYSTEMS } from '../data/source-systems';
import { draftFor, renderDraft } from '../model/draft';
import { drawDob, drawGivenName, makePerson } from '../model/person';
import { ageOn } from '../model/dates';
import { EmittedRecord, Person, Sex } from '../model/types';
import { GenContext } from './context';
import { PersonPlan } from './person-records';
import { PERSON_RATES, UnitKind } from './rates';

/**
 * Household builders. Each returns the plans of the persons it creates; they share
 * what real households share (surname, address, phone, sometimes a date of birth),
 * which is exactly what makes them hard negatives for a matcher.
 */

function twinsOrTriplets(ctx: GenContext, size: 2 | 3): PersonPlan[] {
  const { rng } = ctx;
  const first = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, { age: rng.chance(0.7) ? rng.range(0, 17) : rng.range(18, 80) });
  const childhood = ageOn(first.dob) < 18;
  const members: Person[] = [first];
  let close: (typeof CLOSE_TWIN_NAMES)[number] | undefined;
  if (size === 2 && rng.chance(PERSON_RATES.closeTwinNames)) {
    close = rng.pick(CLOSE_TWIN_NAMES);
    first.identity.givenName = close[0];
    first.identity.sex = close[2];
    ctx.summary.scenario('closeTwinNames');
  }
  for (let i = 1; i < size; i++) {
    const sex: Sex = close ? close[3] : rng.chance(0.5) ? 'M' : 'F';
    let given = close ? close[1] : drawGivenName(rng, first.origin, sex);
    for (let guard = 0; members.some((m) => m.identity.givenName === given) && guard < 20; guard++) {
      given = drawGivenName(rng, first.origin, sex);
    }
    members.push(
      makePerson(rng, ctx.nextPersonKey(), ctx.nhs, {
        origin: first.origin,
        sex,
        dob: first.dob,
        givenName: given,
        familyName: first.identity.familyName,
        address: first.address,
        phone: childhood ? first.phone : undefined,
      }),
    );
  }
  ctx.summary.scenario(size === 2 ? 'twins' : 'triplets');
  return members.map((person, i) => ({
    person,
    // A twin's record filed under the co-twin's NHS number is the classic false link.
    borrowedNhs: rng.chance(PERSON_RATES.borrowedNhsNumber) ? members[(i + 1) % size].identity.nhsNumber : undefined,
  }));
}

function motherNewborn(ctx: GenContext): PersonPlan[] {
  const { rng } = ctx;
  const mother = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, { sex: 'F', age: rng.range(18, 44) });
  const baby = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, {
    origin: mother.origin,
    age: 0,
    familyName: mother.identity.familyName,
    address: mother.address,
    phone: mother.phone,
    middleNames: [],
  });
  baby.email = '';
  ctx.summary.scenario('motherNewborn');
  return [
    { person: mother },
    {
      person: baby,
      babyOf: true,
      // Newborn imaging ordered under the mother's NHS number before the baby has one.
      borrowedNhs: rng.chance(PERSON_RATES.borrowedNhsNumber) ? mother.identity.nhsNumber : undefined,
    },
  ];
}

function fatherSon(ctx: GenContext): PersonPlan[] {
  const { rng } = ctx;
  const father = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, { sex: 'M', age: rng.range(42, 85) });
  const gap = rng.range(18, 40);
  const son = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, {
    origin: father.origin,
    sex: 'M',
    dob: drawDob(rng, Math.max(0, ageOn(father.dob) - gap)),
    givenName: father.identity.givenName,
    familyName: father.identity.familyName,
    middleNames: rng.chance(0.5) ? father.identity.middleNames.slice() : undefined,
    address: father.address,
  });
  ctx.summary.scenario('fatherSon');
  return [{ person: father }, { person: son }];
}

const COMMON_NAME_ORIGIN: Record<string, Origin> = { Khan: 'south-asian', Ali: 'south-asian', Begum: 'south-asian', Murphy: 'irish' };

function commonNameCollision(ctx: GenContext, size: number): PersonPlan[] {
  const { rng } = ctx;
  const [given, family, sex] = rng.pick(COMMON_FULL_NAMES);
  const origin = COMMON_NAME_ORIGIN[family] ?? 'british';
  const year = drawDob(rng).y;
  const plans: PersonPlan[] = [];
  for (let i = 0; i < size; i++) {
    // Same birth year; now and then the very same date (a coin flip on 365 days happens).
    const dob = i > 0 && rng.chance(0.2) ? plans[0].person.dob : { y: year, m: rng.range(1, 12), d: rng.range(1, 28) };
    plans.push({ person: makePerson(rng, ctx.nextPersonKey(), ctx.nhs, { origin, sex, dob, givenName: given, familyName: family }) });
  }
  ctx.summary.scenario('commonNameCollision');
  ctx.summary.scenario('commonNameCollisionPersons', size);
  return plans;
}

/** Two members of one household; one record of the second carries the first's number. */
function nhsConfusion(ctx: GenContext): PersonPlan[] {
  const { rng } = ctx;
  const a = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, { age: rng.range(20, 90) });
  const b = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, {
    origin: a.origin,
    sex: a.identity.sex === 'M' ? 'F' : 'M',
    age: rng.range(20, 90),
    familyName: a.identity.familyName,
    address: a.address,
  });
  return [{ person: a }, { person: b, borrowedNhs: a.identity.nhsNumber }];
}

const PLACEHOLDER_FAMILY = ['UNKNOWN', 'XXX', 'NOT KNOWN', 'ZZUNKNOWN', 'UNKNOWN MALE', 'UNKNOWN FEMALE'];
const PLACEHOLDER_GIVEN = ['UNKNOWN', 'XXX', 'MALE', 'FEMALE', 'NK', ''];

/**
 * A record whose demographics were never captured. Each is its own person: placeholder
 * values shared by thousands of records must never link them to each other.
 */
function placeholder(ctx: GenContext, out: EmittedRecord[]): void {
  const { rng } = ctx;
  const person = makePerson(rng, ctx.nextPersonKey(), ctx.nhs, {});
  const system = rng.pick(SOURCE_SYSTEMS);
  const draft = draftFor(person, system, ctx.localId(system));
  draft.family = rng.pick(PLACEHOLDER_FAMILY);
  draft.given = rng.pick(PLACEHOLDER_GIVEN);
  draft.middle = [];
  const r = rng.next();
  draft.dob = r < 0.55 ? { y: 1900, m: 1, d: 1 } : r < 0.8 ? null : { y: person.dob.y, m: 1, d: 1 };
  const n = rng.next();
  draft.nhs = n < 0.7 ? '' : n < 0.85 ? '0000000000' : '9999999999';
  draft.nhsKind = draft.nhs === '' ? 'missing' : 'placeholder';
  draft.sex = rng.pick(['U', 'M', 'F', ''] as const);
  draft.address = null;
  draft.postcode = rng.chance(0.4) ? NO_FIXED_ABODE_POSTCODE : '';
  draft.phone = '';
  draft.email = '';
  out.push({ record: renderDraft(draft), personKey: person.key, nhsKind: draft.nhsKind });
  ctx.summary.scenario('placeholder');
  ctx.summary.person(1);
}

/**
 * Builds one unit of `kind`, appending its persons' plans (or, for placeholders, the
 * records themselves). Returns how many persons it created.
 */
export function buildUnit(ctx: GenContext, kind: UnitKind, room: number, plans: PersonPlan[], out: EmittedRecord[]): number {
  const { rng } = ctx;
  switch (kind) {
    case 'twins':
      plans.push(...twinsOrTriplets(ctx, 2));
      return 2;
    case 'triplets':
      plans.push(...twinsOrTriplets(ctx, 3));
      return 3;
    case 'motherNewborn':
      plans.push(...motherNewborn(ctx));
      return 2;
    case 'fatherSon':
      plans.push(...fatherSon(ctx));
      return 2;
    case 'commonNameCollision': {
      const size = Math.min(rng.range(3, 8), room);
      plans.push(...commonNameCollision(ctx, size));
      return size;
    }
    case 'nhsConfusion':
      plans.push(...nhsConfusion(ctx));
      return 2;
    case 'placeholder':
      placeholder(ctx, out);
      return 1;
    case 'single':
      plans.push({ person: makePerson(rng, ctx.nextPersonKey(), ctx.nhs, {}) });
      return 1;
  }
}
