import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export type MatchModelStatus = 'draft' | 'active' | 'retired';

/**
 * A version of the matching model (the engine's JSON document). Loaded as a draft,
 * previewed against the queue, then activated by an administrator; activating retires
 * the previous active version. At most one version is active (partial unique index); none
 * active means the shipped default model.
 */
@Entity('match_model')
@Index('uq_match_model_active', ['status'], { unique: true, where: "status = 'active'" })
export class MatchModelEntity {
  @PrimaryColumn({ type: 'text' })
  version!: string;

  @Column({ type: 'jsonb' })
  document!: object;

  @Column({ type: 'text', default: 'draft' })
  status!: MatchModelStatus;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @Column({ name: 'created_at', type: 'timestamptz', default: () => 'now()' })
  createdAt!: Date;

  @Column({ name: 'activated_by', type: 'text', nullable: true })
  activatedBy!: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt!: Date | null;
}
