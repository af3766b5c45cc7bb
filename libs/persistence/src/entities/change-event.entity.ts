import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

export type ChangeEventType =
  'linked' | 'unlinked' | 'merged' | 'split' | 'updated' | 'created' | 'retired' | 'reactivated';

/**
 * The change feed RIS and PACS follow. A writer inserts its events without taking any
 * shared lock: `id` comes from a sequence and `seq` is left empty. A sequencer (every API
 * replica, periodically, and the feed before it answers) later gives the committed events
 * their gap-free, ordered `seq` under the `event_sequence` row's lock; only events with a
 * `seq` are served, and a `seq` once given never changes.
 */
@Entity('change_event')
@Index('ix_change_event_person', ['personId'])
@Index('uq_change_event_seq', ['seq'], { unique: true })
// The sequencer's queue: unique (as id is) so that a bulk load never sets it aside.
@Index('uq_change_event_unsequenced', ['id'], { unique: true, where: '"seq" IS NULL' })
export class ChangeEventEntity {
  /** Order of insertion (a sequence: gaps where a transaction rolled back); not served. */
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_change_event' })
  id!: string;

  /** Position in the feed, given by the sequencer once the event committed; null until then. */
  @Column({ type: 'bigint', nullable: true })
  seq!: string | null;

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

/**
 * Named counters: `change` is the last `seq` given. Its row lock is held only by a
 * sequencer pass (and a bulk-load chunk, which numbers its own events), never by a
 * registration.
 */
@Entity('event_sequence')
export class EventSequenceEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ type: 'bigint' })
  value!: string;
}
