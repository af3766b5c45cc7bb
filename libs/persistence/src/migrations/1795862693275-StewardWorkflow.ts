import { MigrationInterface, QueryRunner } from 'typeorm';

export class StewardWorkflow1795862693275 implements MigrationInterface {
  name = 'StewardWorkflow1795862693275';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "kept_apart" ("record_a" uuid NOT NULL, "record_b" uuid NOT NULL, "identity_a" text NOT NULL, "identity_b" text NOT NULL, "reason" text NOT NULL, "decided_by" text NOT NULL, "decided_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "operation_id" uuid, CONSTRAINT "PK_cbda96de86e36b10cdba48efc7f" PRIMARY KEY ("record_a", "record_b"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_kept_apart_b" ON "kept_apart"  ("record_b") `);
    await queryRunner.query(
      `CREATE TABLE "steward_operation" ("id" uuid NOT NULL, "kind" text NOT NULL, "status" text NOT NULL, "task_id" uuid, "person_id" uuid NOT NULL, "other_person_id" uuid, "person_ids" uuid array NOT NULL, "record_ids" uuid array NOT NULL DEFAULT '{}', "reason" text NOT NULL, "approval_reason" text, "requested_by" text NOT NULL, "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "decided_by" text, "decided_at" TIMESTAMP WITH TIME ZONE, "undone_by" text, "undone_at" TIMESTAMP WITH TIME ZONE, "before" jsonb, "after" jsonb, "version" integer NOT NULL DEFAULT '1', CONSTRAINT "PK_f123608e6d0c392a58d067be864" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_steward_operation_status" ON "steward_operation"  ("status", "requested_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_steward_operation_other_person" ON "steward_operation"  ("other_person_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_steward_operation_person" ON "steward_operation"  ("person_id") `,
    );
    await queryRunner.query(
      `ALTER TABLE "review_task" ADD "source_systems" text array NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(`ALTER TABLE "review_task" ADD "assignee" text`);
    await queryRunner.query(`ALTER TABLE "review_task" ADD "lease_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "review_task" ADD "resolution" text`);
    await queryRunner.query(`ALTER TABLE "review_task" ADD "reason" text`);
    await queryRunner.query(`ALTER TABLE "review_task" ADD "note" text`);
    await queryRunner.query(`ALTER TABLE "review_task" ADD "resolved_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "review_task" ADD "resolved_by" text`);
    await queryRunner.query(`ALTER TABLE "review_task" ALTER COLUMN "created_at" TYPE TIMESTAMP(3) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP CONSTRAINT "FK_10d196fef31dccbf25aa1b47f49"`);
    await queryRunner.query(`DROP INDEX "public"."uq_review_task_open_pair"`);
    await queryRunner.query(`ALTER TABLE "review_task" ALTER COLUMN "candidate_person_id" DROP NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_review_task_open_trace" ON "review_task"  ("record_id") WHERE status <> 'resolved' AND type = 'nhs-trace'`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_review_task_open_pair" ON "review_task"  ("record_id", "candidate_person_id") WHERE status <> 'resolved'`,
    );
    await queryRunner.query(`CREATE INDEX "ix_review_task_resolved" ON "review_task"  ("resolved_at") `);
    await queryRunner.query(
      `CREATE INDEX "ix_review_task_age" ON "review_task"  ("status", "type", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "review_task" ADD CONSTRAINT "FK_10d196fef31dccbf25aa1b47f49" FOREIGN KEY ("candidate_person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "review_task" DROP CONSTRAINT "FK_10d196fef31dccbf25aa1b47f49"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_task_age"`);
    await queryRunner.query(`DROP INDEX "public"."ix_review_task_resolved"`);
    await queryRunner.query(`DROP INDEX "public"."uq_review_task_open_pair"`);
    await queryRunner.query(`DROP INDEX "public"."uq_review_task_open_trace"`);
    await queryRunner.query(`ALTER TABLE "review_task" ALTER COLUMN "candidate_person_id" SET NOT NULL`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_review_task_open_pair" ON "review_task" USING btree ("candidate_person_id", "record_id") WHERE (status <> 'resolved'::text)`,
    );
    await queryRunner.query(
      `ALTER TABLE "review_task" ADD CONSTRAINT "FK_10d196fef31dccbf25aa1b47f49" FOREIGN KEY ("candidate_person_id") REFERENCES "person"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "review_task" ALTER COLUMN "created_at" TYPE TIMESTAMP(6) WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "resolved_by"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "resolved_at"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "note"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "reason"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "resolution"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "lease_until"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "assignee"`);
    await queryRunner.query(`ALTER TABLE "review_task" DROP COLUMN "source_systems"`);
    await queryRunner.query(`DROP INDEX "public"."ix_steward_operation_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_steward_operation_other_person"`);
    await queryRunner.query(`DROP INDEX "public"."ix_steward_operation_status"`);
    await queryRunner.query(`DROP TABLE "steward_operation"`);
    await queryRunner.query(`DROP INDEX "public"."ix_kept_apart_b"`);
    await queryRunner.query(`DROP TABLE "kept_apart"`);
  }
}
