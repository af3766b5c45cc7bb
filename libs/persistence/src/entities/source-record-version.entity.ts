import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { SourceRecordEntity } from './source-record.entity';
import type { SourceRecordInput } from '@concord/domain';

/** Every version a source record has had: nothing is overwritten without a trace. */
@Entity('source_record_version')
@Index('uq_source_record_version', ['recordId', 'version'], { unique: true })
export class SourceRecordVersionEntity {
  @PrimaryGeneratedColumn('identity', { type: 'bigint' })
  id!: string;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'jsonb' })
  raw!: SourceRecordInput;

  @Column({ name: 'content_hash', type: 'text' })
  contentHash!: string;

  /** Who sent it: an API key name, a user, or the CLI import. */
  @Column({ type: 'text' })
  actor!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => SourceRecordEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'record_id' })
  record?: SourceRecordEntity;
}
