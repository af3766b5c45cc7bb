import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stable identity of the steward holding a task (user id, `oidc:<subject>`), so a claim
 * is checked by identity, not by display name: a local and an OIDC user of one name could
 * otherwise release or decide each other's claim. Earlier claims keep a null here.
 */
export class TaskAssigneeId1795890000000 implements MigrationInterface {
  name = 'TaskAssigneeId1795890000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_task" ADD "assignee_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "assignee_id"`);
  }
}
