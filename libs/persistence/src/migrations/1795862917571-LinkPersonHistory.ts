import { MigrationInterface, QueryRunner } from 'typeorm';

export class LinkPersonHistory1795862917571 implements MigrationInterface {
  name = 'LinkPersonHistory1795862917571';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "ix_link_person_history" ON "link"  ("person_id", "created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_link_person_history"`);
  }
}
