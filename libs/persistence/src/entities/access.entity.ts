import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

export type Role = 'steward' | 'senior-steward' | 'auditor' | 'admin';
export type ApiScope = 'register' | 'match' | 'links';

/** A person who signs in to the console. The password is kept only as a scrypt hash. */
@Entity('app_user')
@Index('uq_app_user_username', ['username'], { unique: true })
export class AppUserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  username!: string;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash!: string;

  @Column({ type: 'text' })
  role!: Role;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true })
  disabledAt!: Date | null;
}

/**
 * A key an integrating system (RIS, PACS) presents. Only a SHA-256 of the secret is kept:
 * keys are 256-bit random, so a fast hash is safe and keeps per-request checks cheap.
 */
@Entity('api_key')
@Index('uq_api_key_hash', ['keyHash'], { unique: true })
@Index('uq_api_key_name', ['name'], { unique: true })
@Index('ix_api_key_previous_hash', ['previousKeyHash'], { where: '"previous_key_hash" IS NOT NULL' })
export class ApiKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  /** The first characters of the key, shown in listings so a key can be recognised. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix!: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash!: string;

  @Column({ type: 'text', array: true })
  scopes!: ApiScope[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt!: Date | null;

  /** When the secret was last replaced (`empi apikey rotate`). */
  @Column({ name: 'rotated_at', type: 'timestamptz', nullable: true })
  rotatedAt!: Date | null;

  /**
   * The hash of the secret a rotation replaced, accepted only until
   * `previous_key_expires_at` (a grace period asked for explicitly; none by default).
   */
  @Column({ name: 'previous_key_hash', type: 'text', nullable: true })
  previousKeyHash!: string | null;

  @Column({ name: 'previous_key_expires_at', type: 'timestamptz', nullable: true })
  previousKeyExpiresAt!: Date | null;
}

/** Instance-wide settings every replica shares (e.g. the token-signing secret). */
@Entity('app_setting')
export class AppSettingEntity {
  @PrimaryColumn({ type: 'text' })
  key!: string;

  @Column({ type: 'text' })
  value!: string;
}
