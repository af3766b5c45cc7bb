import { Prng, WeightedTable } from '../random/prng';
import { EmittedRecord } from '../model/types';
import { GenContext } from './context';
import { PersonPlan, emitPersonRecords } from './person-records';
import { SHUFFLE_WINDOW, UNIT_SIZES, UNIT_WEIGHTS, UnitKind } from './rates';
import { PopulationSummary } from './summary';
import { buildUnit } from './units';

export interface PopulationOptions {
  persons: number;
  seed: string | number;
  /**
   * Called once per pair of different persons of a look-alike household (the hard negatives
   * a matcher must keep apart), in generation order. Observing only: it draws nothing from
   * the generator, so records and truth are the same with or without it.
   */
  onRelation?: (personKeyA: string, personKeyB: string, relation: Relation) => void;
}

/** The household kinds whose members are different people who look alike. */
export type Relation = 'twin' | 'triplet' | 'mother-newborn' | 'father-son' | 'common-name' | 'nhs-confusion';

const RELATION_OF: Partial<Record<UnitKind, Relation>> = {
  twins: 'twin',
  triplets: 'triplet',
  motherNewborn: 'mother-newborn',
  fatherSon: 'father-son',
  commonNameCollision: 'common-name',
  nhsConfusion: 'nhs-confusion',
};

/** A record ready to write: it has its record id. */
export interface NumberedRecord extends EmittedRecord {
  recordId: string;
}

/**
 * Receives records one at a time. Returning a promise pauses generation until it
 * settles, which is how file writers apply backpressure.
 */
export interface RecordSink {
  write(record: NumberedRecord): void | Promise<void>;
}

const UNITS = new WeightedTable(Object.entries(UNIT_WEIGHTS) as Array<[UnitKind, number]>);

/**
 * The population as a lazy sequence of numbered records, returning the summary at the
 * end. Records pass through a fixed-size shuffle window so a person's records are spread
 * out in the file (as in a merged extract) while memory stays flat; the window is drawn
 * from the seeded generator, so the order is as reproducible as the content.
 */
export function* populationRecords(options: PopulationOptions): Generator<NumberedRecord, PopulationSummary, void> {
  if (!Number.isInteger(options.persons) || options.persons < 1) throw new Error('persons must be a positive integer');
  const seed = String(options.seed);
  const root = new Prng(seed);
  const ctx = new GenContext(root.fork('population'));
  const shuffle = root.fork('shuffle');
  const window: EmittedRecord[] = [];
  const pending: EmittedRecord[] = [];
  const plans: PersonPlan[] = [];
  let created = 0;
  let recordSerial = 0;
  const number = (record: EmittedRecord): NumberedRecord => {
    recordSerial++;
    return { ...record, recordId: `R${String(recordSerial).padStart(8, '0')}` };
  };

  while (created < options.persons) {
    const room = options.persons - created;
    let kind = UNITS.draw(ctx.rng);
    // A household that does not fit in the persons left becomes a single person.
    if (kind !== 'commonNameCollision' && UNIT_SIZES[kind] > room) kind = 'single';
    if (kind === 'commonNameCollision' && room < 3) kind = 'single';
    created += buildUnit(ctx, kind, room, plans, pending);
    const relation = RELATION_OF[kind];
    if (relation && options.onRelation) {
      for (let i = 0; i < plans.length; i++) {
        for (let j = i + 1; j < plans.length; j++) options.onRelation(plans[i].person.key, plans[j].person.key, relation);
      }
    }
    for (const plan of plans) emitPersonRecords(ctx, plan, pending);
    plans.length = 0;
    for (const record of pending) {
      if (window.length < SHUFFLE_WINDOW) {
        window.push(record);
        continue;
      }
      const at = shuffle.int(SHUFFLE_WINDOW);
      const leaving = window[at];
      window[at] = record;
      ctx.summary.record(leaving.record.sourceSystem ?? '', leaving.nhsKind, leaving.record.nhsNumber ?? '');
      yield number(leaving);
    }
    pending.length = 0;
  }
  // Drain the window in a seeded random order.
  while (window.length > 0) {
    const at = shuffle.int(window.length);
    const leaving = window[at];
    window[at] = window[window.length - 1];
    window.pop();
    ctx.summary.record(leaving.record.sourceSystem ?? '', leaving.nhsKind, leaving.record.nhsNumber ?? '');
    yield number(leaving);
  }
  return ctx.summary.toJSON(seed);
}

/** Generates the population into `sink` and resolves with the summary. */
export async function generatePopulation(options: PopulationOptions, sink: RecordSink): Promise<PopulationSummary> {
  const it = populationRecords(options);
  for (;;) {
    const step = it.next();
    if (step.done) return step.value;
    const pause = sink.write(step.value);
    if (pause) await pause;
  }
}

/** Generates a whole population in memory (tests and small runs only). */
export function generatePopulationSync(options: PopulationOptions): { records: NumberedRecord[]; summary: PopulationSummary } {
  const records: NumberedRecord[] = [];
  const it = populationRecords(options);
  for (;;) {
    const step = it.next();
    if (step.done) return { records, summary: step.value };
    records.push(step.value);
  }
}
