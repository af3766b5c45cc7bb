import { MigrationInterface, QueryRunner } from 'typeorm';

export class TermFrequencies1795864150051 implements MigrationInterface {
  name = 'TermFrequencies1795864150051';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "term_frequency" ("field" text NOT NULL, "value" text NOT NULL, "count" bigint NOT NULL, "refreshed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_83a56c4a054f492c6675ec27d5f" PRIMARY KEY ("field", "value"))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "term_frequency"`);
  }
}
