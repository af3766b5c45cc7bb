import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The audit ledger: one row per change and per read of patient data. Append-only in the
 * database itself (a trigger refuses UPDATE, DELETE and TRUNCATE), and hash-chained: each
 * row carries the SHA-256 of its content and of the previous row's hash, so an edit, a
 * deletion or a reordering breaks the chain that `empi audit verify` walks.
 */
@Entity('audit_event')
@Index('ix_audit_event_time', ['occurredAt'])
@Index('ix_audit_event_actor', ['actor', 'occurredAt'])
@Index('ix_audit_event_action', ['action', 'occurredAt'])
// GIN index on person_ids, written by hand in the migration (TypeORM cannot declare GIN).
@Index('ix_audit_event_person', { synchronize: false })
export class AuditEventEntity {
  @PrimaryColumn({ type: 'bigint' })
  seq!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz', precision: 3 })
  occurredAt!: Date;

  /** `user:steward`, `api-key:RIS-LEEDS`, `cli:import`, `system`. */
  @Column({ type: 'text' })
  actor!: string;

  @Column({ name: 'actor_role', type: 'text' })
  actorRole!: string;

  /** What happened, e.g. `record.registered`, `match.candidates-shown`, `links.viewed`. */
  @Column({ type: 'text' })
  action!: string;

  @Column({ name: 'person_ids', type: 'text', array: true, default: () => "'{}'" })
  personIds!: string[];

  @Column({ name: 'record_ids', type: 'text', array: true, default: () => "'{}'" })
  recordIds!: string[];

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: object | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: object | null;

  @Column({ name: 'model_version', type: 'text', nullable: true })
  modelVersion!: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId!: string | null;

  @Column({ name: 'prev_hash', type: 'text' })
  prevHash!: string;

  @Column({ type: 'text' })
  hash!: string;
}

/** The head of the chain: its row lock serialises appends; it holds the last seq and hash. */
@Entity('audit_head')
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  hash!: string;
}
