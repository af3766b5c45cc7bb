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

export type ReviewTaskType = 'possible-duplicate';
export type ReviewTaskStatus = 'open' | 'claimed' | 'resolved' | 'deferred';

/** A doubtful match waiting for a data steward: the record and the person it may belong to. */
@Entity('review_task')
@Index('ix_review_task_queue', ['status', 'type', 'priority'])
@Index('uq_review_task_open_pair', ['recordId', 'candidatePersonId'], {
  unique: true,
  where: "status <> 'resolved'",
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

  @Column({ name: 'candidate_person_id', type: 'uuid' })
  candidatePersonId!: string;

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
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
