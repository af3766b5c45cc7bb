import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The stable identity of the steward who asked for an operation, so the four-eyes rule
 * compares identities, not display names (a name can collide between a local and an OIDC
 * user, or change at the identity provider). Earlier operations keep a null here.
 */
export class OperationRequesterId1795880000000 implements MigrationInterface {
  name = 'OperationRequesterId1795880000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steward_operation" ADD "requested_by_id" text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steward_operation" DROP COLUMN "requested_by_id"`);
  }
}
