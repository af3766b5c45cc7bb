import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { GoldenView } from '@concord/domain';

export type PersonStatus = 'active' | 'retired';

export type { GoldenView };

/** An enterprise person. A retired person names its successor so old ids keep resolving. */
@Entity('person')
@Index('ix_person_updated', ['updatedAt', 'id'])
export class PersonEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text', default: 'active' })
  status!: PersonStatus;

  @Column({ name: 'successor_id', type: 'uuid', nullable: true })
  successorId!: string | null;

  @Column({ type: 'jsonb' })
  golden!: GoldenView;

  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt!: Date;

  // Millisecond precision: the console's keyset cursor carries a JavaScript date.
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz', precision: 3 })
  updatedAt!: Date;
}
