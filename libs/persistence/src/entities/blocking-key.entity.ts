import { Entity, Index, PrimaryColumn, JoinColumn, ManyToOne } from 'typeorm';
import { SourceRecordEntity } from './source-record.entity';

/** The engine's blocking keys per record, indexed so candidates come from lookups, not scans. */
@Entity('blocking_key')
@Index('ix_blocking_key_key', ['key'])
export class BlockingKeyEntity {
  @PrimaryColumn({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @PrimaryColumn({ type: 'text' })
  key!: string;

  @ManyToOne(() => SourceRecordEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'record_id' })
  record?: SourceRecordEntity;
}
