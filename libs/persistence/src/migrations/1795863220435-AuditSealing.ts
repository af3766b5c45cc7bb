import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit ledger without a lock on every append. Before, each transaction locked the
 * single `audit_head` row to chain its event, so every audited request (reads included)
 * queued behind the one before it until commit. Now:
 *
 * - `audit_event` takes its `seq` from a sequence, and an insert takes no lock. It stays
 *   strictly append-only: the trigger still refuses every UPDATE, DELETE and TRUNCATE.
 * - The chain moves to `audit_seal` (position, event_seq, prev_hash, hash), written only by
 *   the sealer, itself append-only. A separate table rather than a permitted "sealing
 *   UPDATE" of audit_event: no row of the ledger is ever changed, the trigger needs no
 *   exception that a bug could widen, and a seal is a narrow insert instead of a new
 *   version of a wide row and of its five indexes.
 * - `audit_pending` (event_seq) is the sealer's queue, filled by a statement trigger in the
 *   transaction that inserts the events, so an event cannot commit without being queued.
 *   The sealer takes the committed rows it can see, chains them in `seq` order after the
 *   head, and deletes them from the queue in the same transaction. The chain's order is
 *   the order of sealing, not of `seq`: an event whose transaction commits late (with a
 *   lower seq than events already sealed) is simply sealed by the next pass, so no event
 *   can be skipped however transactions interleave.
 *
 * Existing events keep their hashes: the hashed content names the event's `seq` and the
 * previous hash, and for them position = seq.
 */
export class AuditSealing1795863220435 implements MigrationInterface {
  name = 'AuditSealing1795863220435';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audit_seal" ("position" bigint NOT NULL, "event_seq" bigint NOT NULL, "prev_hash" text NOT NULL, "hash" text NOT NULL, CONSTRAINT "pk_audit_seal" PRIMARY KEY ("position"), CONSTRAINT "uq_audit_seal_event" UNIQUE ("event_seq"))`,
    );
    await queryRunner.query(
      `INSERT INTO "audit_seal" ("position", "event_seq", "prev_hash", "hash") SELECT "seq", "seq", "prev_hash", "hash" FROM "audit_event"`,
    );
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "prev_hash"`);
    await queryRunner.query(`ALTER TABLE "audit_event" DROP COLUMN "hash"`);
    await queryRunner.query(
      `CREATE SEQUENCE IF NOT EXISTS "audit_event_seq_seq" OWNED BY "audit_event"."seq"`,
    );
    await queryRunner.query(
      `SELECT setval('"audit_event_seq_seq"', COALESCE((SELECT max("seq") FROM "audit_event"), 0) + 1, false)`,
    );
    await queryRunner.query(
      `ALTER TABLE "audit_event" ALTER COLUMN "seq" SET DEFAULT nextval('"audit_event_seq_seq"')`,
    );

    await queryRunner.query(
      `CREATE TABLE "audit_pending" ("event_seq" bigint NOT NULL, CONSTRAINT "pk_audit_pending" PRIMARY KEY ("event_seq"))`,
    );
    await queryRunner.query(`CREATE FUNCTION audit_event_queue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO audit_pending (event_seq) SELECT seq FROM added;
        RETURN NULL;
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_event_pending AFTER INSERT ON "audit_event" REFERENCING NEW TABLE AS added FOR EACH STATEMENT EXECUTE FUNCTION audit_event_queue()`,
    );

    // One refusal for both tables of the ledger, naming the table.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    await queryRunner.query(
      `CREATE TRIGGER audit_seal_no_update_delete BEFORE UPDATE OR DELETE ON "audit_seal" FOR EACH ROW EXECUTE FUNCTION audit_event_append_only()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER audit_seal_no_truncate BEFORE TRUNCATE ON "audit_seal" FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Only before any event was written without the chain lock: position = seq throughout.
    await queryRunner.query(`DROP TRIGGER "audit_seal_no_truncate" ON "audit_seal"`);
    await queryRunner.query(`DROP TRIGGER "audit_seal_no_update_delete" ON "audit_seal"`);
    await queryRunner.query(`DROP TRIGGER "audit_event_pending" ON "audit_event"`);
    await queryRunner.query(`DROP FUNCTION audit_event_queue()`);
    await queryRunner.query(`DROP TABLE "audit_pending"`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "seq" DROP DEFAULT`);
    await queryRunner.query(`DROP SEQUENCE "audit_event_seq_seq"`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "prev_hash" text`);
    await queryRunner.query(`ALTER TABLE "audit_event" ADD "hash" text`);
    await queryRunner.query(`ALTER TABLE "audit_event" DISABLE TRIGGER "audit_event_no_update_delete"`);
    await queryRunner.query(
      `UPDATE "audit_event" e SET "prev_hash" = s."prev_hash", "hash" = s."hash" FROM "audit_seal" s WHERE s."event_seq" = e."seq"`,
    );
    await queryRunner.query(`ALTER TABLE "audit_event" ENABLE TRIGGER "audit_event_no_update_delete"`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "prev_hash" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "audit_event" ALTER COLUMN "hash" SET NOT NULL`);
    await queryRunner.query(`DROP TABLE "audit_seal"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_event is append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
  }
}
