import { DataSource, EntityManager } from 'typeorm';
import type { StandardRecord, TermFrequencyLookup } from '@concord/matching';
import { lookUpRegistration } from '../registration/registration-lookup';

type TfField = 'familyName' | 'givenName' | 'postcode';
const FIELDS: TfField[] = ['familyName', 'givenName', 'postcode'];

export interface TermFrequencyOptions {
  /**
   * Below this many records with a value, frequencies say more about the sample than the
   * population (two records named SMITH make SMITH look universal): no adjustment is made.
   */
  minRecords: number;
}

export const DEFAULT_TERM_FREQUENCY_OPTIONS: TermFrequencyOptions = { minRecords: 10_000 };

/** Frequencies of one record's own values, as the engine asks for them. */
class RecordFrequencies implements TermFrequencyLookup {
  constructor(private readonly values: Map<string, number>) {}

  frequency(field: TfField, value: string): number | undefined {
    return this.values.get(`${field}\u0000${value}`);
  }
}

/**
 * Term frequencies for the real-time path, learned from the loaded records. A refresh
 * recounts them in one statement (after a bulk load, from the CLI, or when an API replica
 * finds them stale); registrations read only the three values of the incoming record, with
 * one indexed query. An exact agreement is on the incoming record's own value, so those
 * three values are all the engine needs.
 */
export class TermFrequencyStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: TermFrequencyOptions = DEFAULT_TERM_FREQUENCY_OPTIONS,
  ) {}

  async lookupFor(manager: EntityManager, record: StandardRecord): Promise<TermFrequencyLookup | undefined> {
    const { fields, values } = this.wanted(record);
    if (fields.length === 0) return undefined;
    // The registration's lookup, asked for frequencies alone: one query for them.
    const { frequencyRows } = await lookUpRegistration(manager, {
      lockKeys: [],
      sourceSystem: null,
      localId: null,
      keys: [],
      frequencyFields: fields,
      frequencyValues: values,
    });
    return this.fromRows(frequencyRows);
  }

  /** The fields and values whose frequencies a record needs (for a caller's own query). */
  wanted(record: StandardRecord): { fields: TfField[]; values: string[] } {
    const fields = FIELDS.filter((f) => record[f] !== null);
    return { fields, values: fields.map((f) => record[f] as string) };
  }

  /** The lookup from term_frequency rows: the values' counts and the fields' totals (value ''). */
  fromRows(rows: Array<{ field: string; value: string; count: string }>): TermFrequencyLookup | undefined {
    const totals = new Map(rows.filter((r) => r.value === '').map((r) => [r.field, Number(r.count)]));
    const values = new Map<string, number>();
    for (const row of rows) {
      const total = totals.get(row.field) ?? 0;
      if (row.value === '' || total < this.options.minRecords) continue;
      values.set(`${row.field}\u0000${row.value}`, Number(row.count) / total);
    }
    return values.size > 0 ? new RecordFrequencies(values) : undefined;
  }

  /** Recounts every frequency from the records' current standardised values. */
  async refresh(): Promise<{ values: number; records: number }> {
    return this.dataSource.transaction(async (manager) => {
      // One refresher at a time across replicas; the others find the fresh counts.
      await manager.query(`SELECT pg_advisory_xact_lock(hashtext('term_frequency_refresh'))`);
      await manager.query(`DELETE FROM term_frequency`);
      for (const field of FIELDS) {
        await manager.query(
          `INSERT INTO term_frequency (field, value, count)
           SELECT $1, v, count(*) FROM (SELECT standardised ->> $1 AS v FROM source_record) s
            WHERE v IS NOT NULL AND v <> '' GROUP BY v`,
          [field],
        );
        await manager.query(
          `INSERT INTO term_frequency (field, value, count)
           SELECT $1, '', coalesce(sum(count), 0) FROM term_frequency WHERE field = $1 AND value <> ''`,
          [field],
        );
      }
      const [stats] = await manager.query(
        `SELECT count(*) FILTER (WHERE value <> '')::int AS values,
                coalesce(max(count) FILTER (WHERE value = '' AND field = 'familyName'), 0)::int AS records
           FROM term_frequency`,
      );
      return { values: stats.values, records: stats.records };
    });
  }

  /** When the counts were last refreshed (null: never). */
  async refreshedAt(): Promise<Date | null> {
    const rows: Array<{ at: Date | null }> = await this.dataSource.query(
      `SELECT max(refreshed_at) AS at FROM term_frequency`,
    );
    return rows[0]?.at ? new Date(rows[0].at) : null;
  }
}
