import { SourceRecordInput } from '@concord/domain';
import { Prng } from '../random/prng';
import { SOURCE_SYSTEMS, SourceSystem } from '../data/source-systems';
import { RecordDraft, draftFor, renderDraft } from '../model/draft';
import { PersonOptions, makePerson } from '../model/person';
import { NhsNumberAllocator } from '../model/nhs-numbers';
import { Address, Identity, Person } from '../model/types';
import { GoldenCase, GoldenVerdict } from './types';

/**
 * Builds hand-checkable golden cases from the same person and record code the
 * generator uses, with no random noise: each case differs only by the one thing its
 * scenario is about, written in by the scenario function.
 */
export class GoldenBuilder {
  readonly rng: Prng;
  private readonly nhs: NhsNumberAllocator;
  private persons = 0;
  private records = 0;
  private serial = 0;

  constructor(readonly scenario: string) {
    // One seed per scenario: adding a scenario never changes the others' files.
    this.rng = new Prng(`golden:${scenario}`);
    this.nhs = new NhsNumberAllocator(this.rng.fork('nhs'));
  }

  nextNhsNumber(): string {
    return this.nhs.next();
  }

  person(options: PersonOptions = {}): Person {
    this.persons++;
    const p = makePerson(this.rng, `G-${this.scenario}-P${this.persons}`, this.nhs, options);
    // Golden cases are about one difference at a time: no maiden-name surprises.
    p.maidenName = undefined;
    return p;
  }

  system(name: string): SourceSystem {
    const s = SOURCE_SYSTEMS.find((x) => x.name === name);
    if (!s) throw new Error(`no source system ${name}`);
    return s;
  }

  /** One clean record of `person` from `systemName`, then `edit` applies the scenario. */
  record(
    person: Person,
    systemName: string,
    edit?: (draft: RecordDraft) => void,
    identity?: Identity,
    address?: Address,
  ): SourceRecordInput & { recordId: string } {
    this.records++;
    this.serial++;
    const system = this.system(systemName);
    const localId = system.localId(this.serial * 101 + this.scenario.length);
    const draft = draftFor(person, system, localId, identity ?? person.identity, address ?? person.address);
    edit?.(draft);
    const record: SourceRecordInput & { recordId: string } = { recordId: `G-${this.scenario}-${String(this.records).padStart(3, '0')}` };
    // Empty fields are left out, as RecordCsvMapper leaves out empty CSV cells.
    for (const [field, value] of Object.entries(renderDraft(draft)) as Array<[keyof SourceRecordInput, string]>) {
      if (value !== '') record[field] = value;
    }
    return record;
  }

  case(name: string, verdict: GoldenVerdict, pairs: Array<[Person, SourceRecordInput & { recordId: string }]>, note?: string): GoldenCase {
    return {
      name,
      records: pairs.map(([, r]) => r),
      verdict,
      ...(note ? { note } : {}),
      personKeys: pairs.map(([p]) => p.key),
    };
  }
}
