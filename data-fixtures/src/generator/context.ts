import { Prng, WeightedTable } from '../random/prng';
import { NhsNumberAllocator, testRangePool } from '../model/nhs-numbers';
import { SourceSystem } from '../data/source-systems';
import { RECORDS_PER_PERSON } from './rates';
import { SummaryCounter } from './summary';

const RECORD_COUNTS = new WeightedTable(RECORDS_PER_PERSON);

/**
 * Mutable state shared by the scenario builders of one run. Everything random comes
 * from `rng`, and every identifier (person key, NHS number, local id) from a counter
 * here, so one seed always gives the same population.
 */
export class GenContext {
  readonly nhs: NhsNumberAllocator;
  readonly chiIssued = new Set<string>();
  /** Test-range numbers are few and typed for anyone, so they repeat across people. */
  readonly testNumbers: string[];
  readonly summary = new SummaryCounter();
  private readonly serials = new Map<string, number>();
  private personSerial = 0;

  constructor(readonly rng: Prng) {
    this.nhs = new NhsNumberAllocator(rng.fork('nhs'));
    this.testNumbers = testRangePool(rng.fork('test-range'), 12);
  }

  nextPersonKey(): string {
    this.personSerial++;
    return `P${String(this.personSerial).padStart(7, '0')}`;
  }

  /** A fresh local id in the system's own format; never reused within the system. */
  localId(system: SourceSystem): string {
    const serial = (this.serials.get(system.name) ?? 0) + 1;
    this.serials.set(system.name, serial);
    return system.localId(serial);
  }

  recordCount(): number {
    return RECORD_COUNTS.draw(this.rng);
  }
}
