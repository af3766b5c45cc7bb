import { StandardRecord } from '../standardise/standardise';
import { TermFrequencyLookup } from '../score/types';

type TfField = 'familyName' | 'givenName' | 'postcode';

/** Term frequencies counted over a batch of records (the API keeps the same counts in its database). */
export class CountedTermFrequencies implements TermFrequencyLookup {
  private readonly counts: Record<TfField, Map<string, number>> = {
    familyName: new Map(),
    givenName: new Map(),
    postcode: new Map(),
  };
  private readonly totals: Record<TfField, number> = { familyName: 0, givenName: 0, postcode: 0 };

  static fromRecords(records: Iterable<StandardRecord>): CountedTermFrequencies {
    const tf = new CountedTermFrequencies();
    for (const r of records) tf.add(r);
    return tf;
  }

  add(r: StandardRecord): void {
    this.bump('familyName', r.familyName);
    this.bump('givenName', r.givenName);
    this.bump('postcode', r.postcode);
  }

  private bump(field: TfField, value: string | null): void {
    if (value === null) return;
    const m = this.counts[field];
    m.set(value, (m.get(value) ?? 0) + 1);
    this.totals[field]++;
  }

  frequency(field: TfField, value: string): number | undefined {
    const c = this.counts[field].get(value);
    return c === undefined ? undefined : c / this.totals[field];
  }
}
