import { Prng } from '../random/prng';
import { PHONETIC_ALPHABET } from '../data/given-names';
import { SCOTTISH_AREA } from '../data/places';
import { SCOTTISH_SYSTEM, SOURCE_SYSTEMS, SourceSystem, systemsOfArea } from '../data/source-systems';
import { RecordDraft, draftFor, renderDraft } from '../model/draft';
import { chiNumber, nhsTransposition, nhsTypo, nhsValidButWrong } from '../model/nhs-numbers';
import { drawAddress, drawGivenName, drawMove, drawSurname } from '../model/person';
import { EmittedRecord, Identity, Person } from '../model/types';
import * as noise from '../model/noise';
import { GenContext } from './context';
import { NHS_FAULT_RATES, NoiseKind, PERSON_RATES, RECORD_NOISE_TRIALS } from './rates';

/** What a household builder asks of one member's records beyond the defaults. */
export interface PersonPlan {
  person: Person;
  minRecords?: number;
  /** Another person's NHS number that one of this person's records carries (a confusion). */
  borrowedNhs?: string;
  /** The first record is the birth registration "BABY OF <surname>". */
  babyOf?: boolean;
  /** Placeholder persons and the like: records are written by the builder itself. */
  noFeatures?: boolean;
}

type NoiseFn = (rng: Prng, draft: RecordDraft, person: Person) => boolean;

/** Order matters: name-shape noise first, so a typo may land on a nickname, as in life. */
const NOISE_STEPS: ReadonlyArray<readonly [NoiseKind, NoiseFn]> = [
  ['maidenName', noise.applyMaidenName],
  ['partialDoubleBarrel', noise.applyPartialDoubleBarrel],
  ['nickname', noise.applyNickname],
  ['middleNameAsGiven', noise.applyMiddleAsGiven],
  ['phoneticVariant', noise.applyPhonetic],
  ['typo', noise.applyTypo],
  ['accentsApostrophes', noise.applyAccentsApostrophes],
  ['swappedNames', noise.applySwappedNames],
  ['caseSpacing', noise.applyMessyCase],
  ['dobDayMonthSwap', noise.applyDobSwap],
  ['dobDigit', noise.applyDobDigit],
  ['dobYearOff', noise.applyDobYearOff],
  ['dobJanFirst', noise.applyDobJanFirst],
  ['dobOtherFormat', noise.applyDobFormat],
  ['missingDob', noise.applyMissingDob],
  ['missingPhone', noise.applyMissingPhone],
  ['missingPostcode', noise.applyMissingPostcode],
  ['addressSpelling', noise.applyAddressSpelling],
  ['sexCoding', noise.applySexCoding],
];

/** Home-area systems in a random order, then anywhere (people are scanned away from home). */
function systemsFor(rng: Prng, area: string, count: number): SourceSystem[] {
  const home = systemsOfArea(area);
  for (let i = home.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [home[i], home[j]] = [home[j], home[i]];
  }
  const out: SourceSystem[] = [];
  for (let i = 0; i < count; i++) {
    out.push(i < home.length && !rng.chance(0.08) ? home[i] : rng.pick(SOURCE_SYSTEMS));
  }
  return out;
}

function applyNhsFault(ctx: GenContext, draft: RecordDraft): void {
  const rng = ctx.rng;
  const r = rng.next();
  let edge = NHS_FAULT_RATES.missing;
  if (r < edge) return void ((draft.nhs = ''), (draft.nhsKind = 'missing'));
  if (r < (edge += NHS_FAULT_RATES.typo)) return void ((draft.nhs = nhsTypo(rng, draft.nhs)), (draft.nhsKind = 'typo'));
  if (r < (edge += NHS_FAULT_RATES.transposition)) {
    draft.nhs = nhsTransposition(rng, draft.nhs);
    draft.nhsKind = 'transposition';
    return;
  }
  if (r < (edge += NHS_FAULT_RATES.validWrong)) {
    draft.nhs = nhsValidButWrong(rng, draft.nhs);
    draft.nhsKind = 'valid-wrong';
    return;
  }
  if (r < (edge += NHS_FAULT_RATES.hospitalNumber)) {
    // The clerk typed the hospital number into the NHS number box.
    draft.nhs = draft.localId;
    draft.nhsKind = 'hospital-number';
    draft.nhsLayout = 'plain';
    return;
  }
  if (r < (edge += NHS_FAULT_RATES.testRange)) {
    draft.nhs = rng.pick(ctx.testNumbers);
    draft.nhsKind = 'test-range';
    return;
  }
  if (r < edge + NHS_FAULT_RATES.layout) draft.nhsLayout = rng.pick(['plain', 'spaced', 'dashed'] as const);
}

function newIdentity(rng: Prng, person: Person, nhsNumber: string, summary: GenContext['summary']): Identity {
  const old = person.identity;
  const id: Identity = { ...old, middleNames: old.middleNames.slice(), nhsNumber };
  if (rng.chance(0.35)) {
    // Gender reassignment: new sex and a given name of that sex.
    id.sex = old.sex === 'M' ? 'F' : 'M';
    id.givenName = drawGivenName(rng, person.origin, id.sex);
    id.middleNames = [];
    summary.scenario('identityChangeSex');
    summary.scenario('identityChangeName');
  } else if (rng.chance(0.6)) {
    // Adoption: the adoptive family's surname.
    id.familyName = drawSurname(rng, 'british');
    summary.scenario('identityChangeName');
  }
  return id;
}

/** Emits every record of one person (and counts what it emitted). */
export function emitPersonRecords(ctx: GenContext, plan: PersonPlan, out: EmittedRecord[]): void {
  const { rng, summary } = ctx;
  const person = plan.person;
  const features = !plan.noFeatures;
  const identityChange = features && rng.chance(PERSON_RATES.identityChange);
  const dupReg = features && !identityChange && rng.chance(PERSON_RATES.duplicateRegistration);
  const chi = features && person.dob.y < 2025 && rng.chance(PERSON_RATES.chiNumber);
  let count = Math.max(ctx.recordCount(), plan.minRecords ?? 1);
  if (identityChange || dupReg || chi) count = Math.max(count, 2);
  const move = count >= 2 && features && rng.chance(PERSON_RATES.addressMove);

  if (identityChange) {
    person.newIdentity = newIdentity(rng, person, ctx.nhs.next(), summary);
    summary.scenario('identityChange');
  }
  if (dupReg) {
    person.secondNhsNumber = ctx.nhs.next();
    summary.scenario('duplicateRegistration');
  }
  // The second number must appear: keep the confused record off the duplicate's slot.
  const dupAt = dupReg ? 1 + rng.int(count - 1) : -1;
  let borrowAt = plan.borrowedNhs ? rng.int(count) : -1;
  if (borrowAt >= 0 && (borrowAt === dupAt || (chi && borrowAt === 0))) borrowAt = borrowAt === 0 ? count - 1 : 0;
  if (chi) {
    person.chiNumber = chiNumber(rng, person.dob, person.identity.sex, ctx.chiIssued);
    person.previousAddress = drawAddress(rng, SCOTTISH_AREA);
    summary.scenario('chiNumber');
  } else if (move) {
    const between = rng.chance(PERSON_RATES.moveBetweenAreas);
    person.previousAddress = drawMove(rng, person.address, !between);
    summary.scenario('addressMove');
    if (between) summary.scenario('addressMoveBetweenAreas');
  }
  // Records run oldest first: old address, old identity, then the current ones.
  const moveAt = chi ? 1 : person.previousAddress ? 1 + rng.int(count - 1) : 0;
  const changeAt = identityChange ? 1 + rng.int(count - 1) : count;

  const systems = systemsFor(rng, person.address.area, count);
  for (let i = 0; i < count; i++) {
    const scottish = chi && i === 0;
    const system = scottish ? SCOTTISH_SYSTEM : systems[i];
    const identity = i >= changeAt && person.newIdentity ? person.newIdentity : person.identity;
    const address = i < moveAt && person.previousAddress ? person.previousAddress : person.address;
    const draft = draftFor(person, system, ctx.localId(system), identity, address);
    if (scottish) {
      draft.nhs = person.chiNumber as string;
      draft.nhsKind = 'chi';
    } else if (i === borrowAt) {
      draft.nhs = plan.borrowedNhs as string;
      draft.nhsKind = 'confusion';
      summary.scenario('nhsConfusion');
    } else if (dupReg && (i === dupAt || (i > dupAt && rng.chance(0.5)))) {
      draft.nhs = person.secondNhsNumber as string;
      draft.nhsKind = 'duplicate-registration';
    } else if (draft.nhsKind === 'valid') {
      applyNhsFault(ctx, draft);
    }
    const baby = plan.babyOf && i === 0;
    if (baby) {
      // Birth registration before the baby is named: the mother's surname only.
      const style = rng.int(3);
      draft.given = style === 0 ? 'Baby' : style === 1 ? 'Baby Of' : '';
      draft.family = style === 2 ? `Baby Of ${draft.family}` : draft.family;
      draft.middle = [];
      draft.email = '';
      summary.scenario('babyOfRecords');
    }
    for (const [kind, fn] of NOISE_STEPS) {
      if (baby && kind !== 'dobOtherFormat' && kind !== 'sexCoding' && kind !== 'missingPhone') continue;
      if (rng.chance(RECORD_NOISE_TRIALS[kind]) && fn(rng, draft, person)) summary.noise[kind]++;
    }
    out.push({ record: renderDraft(draft), personKey: person.key, nhsKind: draft.nhsKind });
  }

  let total = count;
  if (features && rng.chance(PERSON_RATES.emergencyAlias)) {
    out.push(emergencyAlias(ctx, person));
    summary.scenario('emergencyAlias');
    total++;
  }
  summary.person(total);
}

/**
 * The record an emergency department makes for an unidentified patient: two phonetic
 * alphabet words as the name and 1 January of the estimated birth year. Same person_key:
 * a steward merges it once the patient is identified.
 */
export function emergencyAlias(ctx: GenContext, person: Person): EmittedRecord {
  const rng = ctx.rng;
  const system = systemsOfArea(person.address.area).find((s) => s.kind === 'PAS') ?? SOURCE_SYSTEMS[0];
  const draft = draftFor(person, system, ctx.localId(system));
  draft.given = rng.pick(PHONETIC_ALPHABET);
  draft.family = rng.pick(PHONETIC_ALPHABET);
  draft.middle = [];
  draft.nhs = '';
  draft.nhsKind = 'missing';
  draft.dob = { y: Math.min(person.dob.y + rng.range(-5, 5), 2026), m: 1, d: 1 };
  draft.address = null;
  draft.postcode = '';
  draft.phone = '';
  draft.email = '';
  return { record: renderDraft(draft), personKey: person.key, nhsKind: 'missing' };
}
