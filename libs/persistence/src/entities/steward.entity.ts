import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A steward's "not the same person" about two records (`record_a` < `record_b`). It holds
 * while both records keep the identity they had when it was made (`identity_a`/`identity_b`
 * fingerprint NHS number, names, date of birth and sex); a material change lets the pair
 * be proposed again.
 */
@Entity('kept_apart')
@Index('ix_kept_apart_b', ['recordB'])
export class KeptApartEntity {
  @PrimaryColumn({ name: 'record_a', type: 'uuid' })
  recordA!: string;

  @PrimaryColumn({ name: 'record_b', type: 'uuid' })
  recordB!: string;

  @Column({ name: 'identity_a', type: 'text' })
  identityA!: string;

  @Column({ name: 'identity_b', type: 'text' })
  identityB!: string;

  @Column({ type: 'text' })
  reason!: string;

  @Column({ name: 'decided_by', type: 'text' })
  decidedBy!: string;

  @CreateDateColumn({ name: 'decided_at', type: 'timestamptz' })
  decidedAt!: Date;

  /** The task or split that made the decision. */
  @Column({ name: 'operation_id', type: 'uuid', nullable: true })
  operationId!: string | null;
}

export type StewardOperationKind = 'merge' | 'split';
export type StewardOperationStatus = 'pending-approval' | 'applied' | 'rejected' | 'undone';

/** One person's state as an operation found it or left it: enough to restore it exactly. */
export interface PersonSnapshot {
  id: string;
  status: string;
  successorId: string | null;
  golden: object;
  links: Array<{
    recordId: string;
    type: string;
    score: number | null;
    matchProbability: number | null;
    modelVersion: string | null;
    explanation: object | null;
    reason: string;
    createdBy: string;
  }>;
}

/**
 * A merge or split a steward asked for. `before` and `after` snapshot every person it
 * touched, so an undo restores the exact before-state; a merge under the four-eyes rule
 * waits in `pending-approval` until a second (senior) steward approves it.
 */
@Entity('steward_operation')
@Index('ix_steward_operation_person', ['personId'])
@Index('ix_steward_operation_other_person', ['otherPersonId'])
@Index('ix_steward_operation_status', ['status', 'requestedAt'])
export class StewardOperationEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  kind!: StewardOperationKind;

  @Column({ type: 'text' })
  status!: StewardOperationStatus;

  @Column({ name: 'task_id', type: 'uuid', nullable: true })
  taskId!: string | null;

  /** Merge: the survivor. Split: the person the records left. */
  @Column({ name: 'person_id', type: 'uuid' })
  personId!: string;

  /** Merge: the person retired into the survivor. Split: the new person. */
  @Column({ name: 'other_person_id', type: 'uuid', nullable: true })
  otherPersonId!: string | null;

  /** Every person the operation touches (for "operations of this person"). */
  @Column({ name: 'person_ids', type: 'uuid', array: true })
  personIds!: string[];

  @Column({ name: 'record_ids', type: 'uuid', array: true, default: '{}' })
  recordIds!: string[];

  @Column({ type: 'text' })
  reason!: string;

  /** Why the four-eyes rule applies, when it does. */
  @Column({ name: 'approval_reason', type: 'text', nullable: true })
  approvalReason!: string | null;

  /** Who asked, as shown: `user:ann`. Names can change or collide; compare `requestedById`. */
  @Column({ name: 'requested_by', type: 'text' })
  requestedBy!: string;

  /**
   * The stable identity of who asked (a local user's id, `oidc:<subject>`, an API key's id),
   * for the four-eyes check. Null on operations requested before it was recorded.
   */
  @Column({ name: 'requested_by_id', type: 'text', nullable: true })
  requestedById!: string | null;

  @CreateDateColumn({ name: 'requested_at', type: 'timestamptz' })
  requestedAt!: Date;

  @Column({ name: 'decided_by', type: 'text', nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true })
  decidedAt!: Date | null;

  @Column({ name: 'undone_by', type: 'text', nullable: true })
  undoneBy!: string | null;

  @Column({ name: 'undone_at', type: 'timestamptz', nullable: true })
  undoneAt!: Date | null;

  @Column({ type: 'jsonb', nullable: true })
  before!: PersonSnapshot[] | null;

  @Column({ type: 'jsonb', nullable: true })
  after!: PersonSnapshot[] | null;

  @Column({ type: 'integer', default: 1 })
  version!: number;
}
