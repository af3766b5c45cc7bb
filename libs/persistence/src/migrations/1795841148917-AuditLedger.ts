import { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditLedger1795841148917 implements MigrationInterface {
  name = 'AuditLedger1795841148917';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_event" ("seq" bigint NOT NULL, "occurred_at" TIMESTAMP(3) WITH TIME ZONE NOT NULL, "actor" text NOT NULL, "actor_role" text NOT NULL, "action" text NOT NULL, "person_ids" text array NOT NULL DEFAULT '{}', "record_ids" text array NOT NULL DEFAULT '{}', "reason" text, "before" jsonb, "after" jsonb, "model_version" text, "request_id" text, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_53300da00860bdf4dc3ef7daae6" PRIMARY KEY ("seq"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_event_action" ON "audit_event"  ("action", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_audit_event_actor" ON "audit_event"  ("actor", "occurred_at") `,
    );
    await queryRunner.query(`CREATE INDEX "ix_audit_event_time" ON "audit_event"  ("occurred_at") `);
    await queryRunner.query(
      `CREATE TABLE "audit_head" ("id" integer NOT NULL, "seq" bigint NOT NULL, "hash" text NOT NULL, CONSTRAINT "PK_d3ed64edb3e208e83ccb5da589a" PRIMARY KEY ("id"))`,
    );
    // Written by hand: what the entities cannot declare.
    await queryRunner.query(`CREATE INDEX "ix_audit_event_person" ON "audit_event" USING GIN ("person_ids")`);
    // The chain starts from a fixed genesis hash (64 zeros).
    await queryRunner.query(`INSERT INTO "audit_head" ("id", "seq", "hash") VALUES (1, 0, repeat('0', 64))`);
    // Append-only in the database itself: whatever the application (or a person with its
    // credentials) does, rows of the ledger cannot be changed or removed.
    await queryRunner.query(`CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON "audit_event" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON "audit_event" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "audit_event_no_truncate" ON "audit_event"`);
    await queryRunner.query(`DROP TRIGGER "audit_event_no_update_delete" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_append_only()`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_person"`);
    await queryRunner.query(`DROP TABLE "audit_head"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_time"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_actor"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audit_event_action"`);
    await queryRunner.query(`DROP TABLE "audit_event"`);
  }
}
