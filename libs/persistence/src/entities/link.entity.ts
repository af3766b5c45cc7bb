import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { PersonEntity } from './person.entity';
import { SourceRecordEntity } from './source-record.entity';

export type LinkType = 'auto' | 'manual';

/**
 * Record → person. Rows are never deleted: a link that ends gets `ended_at`, and the
 * partial unique index makes "exactly one current link per record" a database rule.
 */
@Entity('link')
@Index('uq_link_current_record', ['recordId'], { unique: true, where: '"ended_at" IS NULL' })
@Index('ix_link_current_person', ['personId'], { where: '"ended_at" IS NULL' })
@Index('ix_link_record_history', ['recordId', 'createdAt'])
// "What did the link table say about this person at time T": every link a person ever had.
@Index('ix_link_person_history', ['personId', 'createdAt'])
export class LinkEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  @Column({ type: 'text' })
  type!: LinkType;

  @Column({ type: 'double precision', nullable: true })
  score!: number | null;

  @Column({ name: 'match_probability', type: 'double precision', nullable: true })
  matchProbability!: number | null;

  @Column({ name: 'model_version', type: 'text', nullable: true })
  modelVersion!: string | null;

  /** The engine's explanation (per-field levels and weights, safety rules) when matched. */
  @Column({ type: 'jsonb', nullable: true })
  explanation!: object | null;

  @Column({ type: 'text' })
  reason!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;

  @Column({ name: 'ended_by', type: 'text', nullable: true })
  endedBy!: string | null;

  @ManyToOne(() => SourceRecordEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'record_id' })
  record?: SourceRecordEntity;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'person_id' })
  person?: PersonEntity;
}
