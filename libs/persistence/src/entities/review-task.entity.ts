import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryColumn,
  UpdateDateColumn,
  JoinColumn,
  ManyToOne,
} from 'typeorm';
import { PersonEntity } from './person.entity';
import { SourceRecordEntity } from './source-record.entity';

/**
 * The steward queues: a doubtful match; one valid NHS number held by records that disagree
 * (two people sharing a number?); one person behind two valid NHS numbers (a duplicate
 * registration); a record whose NHS number is missing or invalid and needs tracing.
 */
export type ReviewTaskType = 'possible-duplicate' | 'nhs-shared' | 'nhs-duplicate' | 'nhs-trace';
export type ReviewTaskStatus = 'open' | 'claimed' | 'pending-approval' | 'resolved' | 'deferred';
export type ReviewResolution = 'same-person' | 'not-same-person' | 'traced' | 'superseded';

/** Work for a data steward: a record and (except for tracing) the person it may belong to. */
@Entity('review_task')
@Index('ix_review_task_queue', ['status', 'type', 'priority'])
@Index('ix_review_task_age', ['status', 'type', 'createdAt'])
@Index('ix_review_task_resolved', ['resolvedAt'])
@Index('uq_review_task_open_pair', ['recordId', 'candidatePersonId'], {
  unique: true,
  where: "status <> 'resolved'",
})
@Index('uq_review_task_open_trace', ['recordId'], {
  unique: true,
  where: "status <> 'resolved' AND type = 'nhs-trace'",
})
export class ReviewTaskEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  type!: ReviewTaskType;

  @Column({ type: 'text', default: 'open' })
  status!: ReviewTaskStatus;

  @Column({ name: 'record_id', type: 'uuid' })
  recordId!: string;

  @Column({ name: 'candidate_person_id', type: 'uuid', nullable: true })
  candidatePersonId!: string | null;

  /** Source systems of the record and of the candidate person's records, for filtering. */
  @Column({ name: 'source_systems', type: 'text', array: true, default: '{}' })
  sourceSystems!: string[];

  /** The steward holding the task; the claim lapses at `lease_until`. */
  @Column({ type: 'text', nullable: true })
  assignee!: string | null;

  /** The holder's stable identity (user id, `oidc:<subject>`), which claim checks compare. */
  @Column({ name: 'assignee_id', type: 'text', nullable: true })
  assigneeId!: string | null;

  @Column({ name: 'lease_until', type: 'timestamptz', nullable: true })
  leaseUntil!: Date | null;

  @Column({ type: 'text', nullable: true })
  resolution!: ReviewResolution | null;

  /** The steward's reason for the decision (required for every decision). */
  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  /** A deferral's note. */
  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'resolved_at', type: 'timestamptz', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolved_by', type: 'text', nullable: true })
  resolvedBy!: string | null;

  @Column({ type: 'double precision' })
  score!: number;

  @Column({ name: 'match_probability', type: 'double precision' })
  matchProbability!: number;

  @Column({ type: 'integer' })
  priority!: number;

  @Column({ type: 'jsonb' })
  explanation!: object;

  @Column({ name: 'model_version', type: 'text' })
  modelVersion!: string;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @ManyToOne(() => SourceRecordEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'record_id' })
  record?: SourceRecordEntity;

  @ManyToOne(() => PersonEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'candidate_person_id' })
  candidatePerson?: PersonEntity;
}
