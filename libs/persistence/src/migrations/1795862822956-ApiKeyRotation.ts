import { MigrationInterface, QueryRunner } from 'typeorm';

export class ApiKeyRotation1795862822956 implements MigrationInterface {
  name = 'ApiKeyRotation1795862822956';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "api_key" ADD "rotated_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD "previous_key_hash" text`);
    await queryRunner.query(`ALTER TABLE "api_key" ADD "previous_key_expires_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(
      `CREATE INDEX "ix_api_key_previous_hash" ON "api_key"  ("previous_key_hash") WHERE "previous_key_hash" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_api_key_previous_hash"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "previous_key_expires_at"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "previous_key_hash"`);
    await queryRunner.query(`ALTER TABLE "api_key" DROP COLUMN "rotated_at"`);
  }
}
