import { MigrationInterface, QueryRunner } from 'typeorm';

export class ModelVersions1795864196872 implements MigrationInterface {
  name = 'ModelVersions1795864196872';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "match_model" ("version" text NOT NULL, "document" jsonb NOT NULL, "status" text NOT NULL DEFAULT 'draft', "created_by" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "activated_by" text, "activated_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_d1359e2316acc59ccf2e1c88fa7" PRIMARY KEY ("version"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_match_model_active" ON "match_model"  ("status") WHERE status = 'active'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_match_model_active"`);
    await queryRunner.query(`DROP TABLE "match_model"`);
  }
}
