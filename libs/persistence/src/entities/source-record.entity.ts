import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { NhsNumberStatus, SourceRecordInput } from '@concord/domain';

/**
 * One registration of a patient in one source system. (source_system, local_id) is the
 * natural key; a later message for the same pair updates the row and adds a version.
 */
@Entity('source_record')
@Index('uq_source_record_system_local', ['sourceSystem', 'localId'], { unique: true })
@Index('ix_source_record_nhs', ['nhsNumber'])
@Index('ix_source_record_family', ['searchFamilyName'])
export class SourceRecordEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'source_system', type: 'text' })
  sourceSystem!: string;

  @Column({ name: 'local_id', type: 'text' })
  localId!: string;

  /** The demographics exactly as sent (nothing is lost, even what fails validation). */
  @Column({ type: 'jsonb' })
  raw!: SourceRecordInput;

  /** The engine's standardised form, kept so candidates are re-scored without re-standardising. */
  @Column({ type: 'jsonb' })
  standardised!: object;

  /** NHS number digits as sent, spaces and dashes stripped (null when none was sent). */
  @Column({ name: 'nhs_number', type: 'text', nullable: true })
  nhsNumber!: string | null;

  @Column({ name: 'nhs_number_status', type: 'text' })
  nhsNumberStatus!: NhsNumberStatus;

  /** Upper-case, accent-folded family name for prefix search. */
  @Column({ name: 'search_family_name', type: 'text', nullable: true })
  searchFamilyName!: string | null;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth!: string | null;

  /** Data-quality flags raised by standardisation (invalid NHS number, impossible date, …). */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  flags!: string[];

  /** Hash of the raw demographics: a repeated identical message changes nothing. */
  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
