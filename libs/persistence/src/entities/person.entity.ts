import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type PersonStatus = 'active' | 'retired';

/** The survivorship view of a person: the values shown as "who this is". */
export interface GoldenView {
  nhsNumber: string | null;
  familyName: string | null;
  givenName: string | null;
  dateOfBirth: string | null;
  sex: string | null;
  postcode: string | null;
}

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
