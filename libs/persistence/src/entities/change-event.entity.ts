import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type ChangeEventType = 'linked' | 'unlinked' | 'merged' | 'split' | 'updated' | 'created' | 'retired' | 'reactivated';

/**
 * The change feed RIS and PACS follow. `seq` comes from the `event_sequence` counter row,
 * taken inside the writing transaction, so sequence numbers are gap-free and in commit order.
 */
@Entity('change_event')
@Index('ix_change_event_person', ['personId'])
export class ChangeEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  type!: ChangeEventType;

  @Column({ name: 'person_id', type: 'uuid', nullable: true })
  personId!: string | null;

  @Column({ name: 'record_id', type: 'uuid', nullable: true })
  recordId!: string | null;

  @Column({ type: 'jsonb' })
  payload!: object;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** Named counters (the change feed's sequence). */
@Entity('event_sequence')
export class EventSequenceEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  value!: string;
}
