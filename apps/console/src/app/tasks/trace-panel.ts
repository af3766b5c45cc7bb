import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import type { SourceRecord } from '../persons/data-access/persons.models';
import { displayName } from '../shared/format/format';
import { NhsNumberPipe, SexPipe, UkDatePipe } from '../shared/format/format.pipes';

/** Why a record's NHS number needs tracing, in words. */
export function traceReason(record: SourceRecord): string {
  if (!record.nhsNumber) return 'The record arrived without an NHS number.';
  if (record.nhsNumberStatus === 'invalid')
    return 'The record’s NHS number fails the Modulus 11 check: it was probably mistyped.';
  return `The record’s NHS number is ${record.nhsNumberStatus}.`;
}

/** Valid NHS numbers the other records hold, each with the systems that sent it. */
export function knownNumbers(records: SourceRecord[]): { nhsNumber: string; systems: string }[] {
  const bySystem = new Map<string, Set<string>>();
  for (const r of records)
    if (r.nhsNumber && r.nhsNumberStatus === 'valid')
      bySystem.set(r.nhsNumber, (bySystem.get(r.nhsNumber) ?? new Set()).add(r.sourceSystem));
  return [...bySystem].map(([nhsNumber, systems]) => ({ nhsNumber, systems: [...systems].join(', ') }));
}

/**
 * A tracing task has a record and no candidate person: what the record says, why it needs
 * tracing, and what a steward can do about it.
 */
@Component({
  selector: 'cc-trace-panel',
  imports: [NhsNumberPipe, UkDatePipe, SexPipe],
  template: `
    @let r = record();
    <p class="reason" data-testid="trace-reason">
      <span class="tag tag--amber">Number to trace</span> {{ why() }}
    </p>
    <dl class="facts" data-testid="trace-record">
      <div>
        <dt>Source system</dt>
        <dd>{{ r.sourceSystem }}</dd>
      </div>
      <div>
        <dt>Local id</dt>
        <dd class="mono">{{ r.localId }}</dd>
      </div>
      <div>
        <dt>NHS number</dt>
        <dd class="mono">{{ r.nhsNumber ? (r.nhsNumber | nhsNumber) : 'None sent' }}</dd>
      </div>
      <div>
        <dt>Name</dt>
        <dd>{{ name() }}</dd>
      </div>
      <div>
        <dt>Date of birth</dt>
        <dd>{{ r.dateOfBirth | ukDate }}</dd>
      </div>
      <div>
        <dt>Sex</dt>
        <dd>{{ r.sex | sex }}</dd>
      </div>
      <div>
        <dt>Postcode</dt>
        <dd>{{ r.postcode || '—' }}</dd>
      </div>
      <div>
        <dt>Address</dt>
        <dd>{{ r.addressLine || '—' }}</dd>
      </div>
      @if (r.flags.length) {
        <div>
          <dt>Flags</dt>
          <dd>{{ r.flags.join(', ') }}</dd>
        </div>
      }
    </dl>
    @if (known().length) {
      <p class="known" data-testid="trace-known">
        This record’s person already holds
        @for (k of known(); track k.nhsNumber; let last = $last) {
          NHS number <strong class="mono">{{ k.nhsNumber | nhsNumber }}</strong> from {{ k.systems
          }}{{ last ? '.' : ';' }}
        }
        Check it on PDS before you close the task.
      </p>
    }
    <h3>What you can do</h3>
    <ol class="steps" data-testid="trace-steps">
      <li>
        Trace the patient on the national Personal Demographics Service (PDS) with the name, date of birth and
        postcode above.
      </li>
      <li>
        Ask {{ r.sourceSystem }} to correct the record. When it sends a valid NHS number, Concord matches the
        record again and closes this task by itself.
      </li>
      <li>
        Choose <strong>Traced</strong> (<kbd>t</kbd>) to close the task now, saying what you found, or
        <strong>Defer</strong> (<kbd>f</kbd>) to come back to it.
      </li>
    </ol>
  `,
  styles: `
    :host {
      display: block;
    }
    .reason {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
    .facts {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(170px, 1fr));
      gap: 8px 16px;
      margin: 0 0 16px;
    }
    .facts dt {
      font-weight: 700;
    }
    .facts dd {
      margin: 0;
      overflow-wrap: anywhere;
    }
    .mono {
      font-family: monospace;
    }
    .known {
      padding: 8px 12px;
      border-left: 4px solid var(--cc-blue);
      background: var(--cc-grey-light);
    }
    .steps {
      padding-left: 24px;
    }
    .steps li {
      margin-bottom: 4px;
    }
    kbd {
      padding: 0 6px;
      border: 1px solid currentColor;
      border-radius: 3px;
      font-family: monospace;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TracePanel {
  readonly record = input.required<SourceRecord>();
  /** The other records of the record's person: a valid NHS number there is a strong lead. */
  readonly others = input<SourceRecord[]>([]);
  readonly known = computed(() => knownNumbers(this.others()));
  readonly why = computed(() => traceReason(this.record()));
  readonly name = computed(() => {
    const r = this.record();
    return displayName(r.familyName, [r.givenName, r.otherGivenNames].filter(Boolean).join(' ') || null);
  });
}
