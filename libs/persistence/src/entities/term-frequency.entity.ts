import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * How many records carry each standardised family name, given name and postcode, counted
 * from the loaded data by a refresh (never per registration: SMITH would be a hot row).
 * The row with an empty `value` holds the field's total. Scoring reads only the values of
 * the incoming record.
 */
@Entity('term_frequency')
export class TermFrequencyEntity {
  @PrimaryColumn({ type: 'text' })
  field!: string;

  @PrimaryColumn({ type: 'text' })
  value!: string;

  @Column({ type: 'bigint' })
  count!: string;

  @Column({ name: 'refreshed_at', type: 'timestamptz', default: () => 'now()' })
  refreshedAt!: Date;
}
