import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/**
 * The audit ledger: one row per change and per read of patient data, written in the
 * caller's transaction. Append-only in the database itself (a trigger refuses UPDATE,
 * DELETE and TRUNCATE). The hash chain lives beside it in `audit_seal` (written by hand in
 * the migration, as the entities need not read it): a sealer chains committed events,
 * each seal holding the SHA-256 of its event's content and of the previous seal's hash,
 * so an edit, a deletion or a reordering breaks the chain that `empi audit verify` walks.
 * Events wait for their seal in `audit_pending` (filled by a trigger on insert).
 */
@Entity('audit_event')
@Index('ix_audit_event_time', ['occurredAt'])
@Index('ix_audit_event_actor', ['actor', 'occurredAt'])
@Index('ix_audit_event_action', ['action', 'occurredAt'])
// GIN index on person_ids, written by hand in the migration (TypeORM cannot declare GIN).
@Index('ix_audit_event_person', { synchronize: false })
export class AuditEventEntity {
  /**
   * Number of the event, from a sequence: increasing within a transaction and roughly in
   * time across them, with gaps where a transaction rolled back. The chain's order is the
   * seal's `position`, which is gap-free.
   */
  @PrimaryGeneratedColumn({ type: 'bigint' })
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

}

/**
 * The head of the chain: its row lock serialises sealers (several API replicas may try at
 * once: one seals, the others skip); it holds the last sealed position and its hash.
 */
@Entity('audit_head')
export class AuditHeadEntity {
  @PrimaryColumn({ type: 'integer' })
  id!: number;

  @Column({ type: 'bigint' })
  seq!: string;

  @Column({ type: 'text' })
  hash!: string;
}
