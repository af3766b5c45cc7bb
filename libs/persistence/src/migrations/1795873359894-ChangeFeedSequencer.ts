import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed without a lock on every append. Before, each writing transaction locked
 * the `event_sequence` row to number its events and held it until commit, so every
 * registration queued behind the one before it. Now:
 *
 * - `change_event` gets an `id` from a sequence (its new primary key) and `seq` may be
 *   null: a writer only inserts, and takes no shared lock.
 * - A sequencer gives committed events without a `seq` the next numbers, in `id` order,
 *   under the `event_sequence` row's lock (one short transaction per pass), so `seq`
 *   stays gap-free and ordered, and is never changed once given. The feed serves only
 *   events with a `seq`. `uq_change_event_unsequenced` is its queue (unique so that a bulk
 *   load, which sets plain indexes aside, keeps it).
 *
 * Existing events keep their `seq`, and get `id` = `seq`.
 */
export class ChangeFeedSequencer1795873359894 implements MigrationInterface {
  name = 'ChangeFeedSequencer1795873359894';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "change_event" ADD "id" bigint`);
    await queryRunner.query(`UPDATE "change_event" SET "id" = "seq"`);
    await queryRunner.query(`ALTER TABLE "change_event" ALTER COLUMN "id" SET NOT NULL`);
    await queryRunner.query(`CREATE SEQUENCE "change_event_id_seq" OWNED BY "change_event"."id"`);
    await queryRunner.query(
      `SELECT setval('"change_event_id_seq"', COALESCE((SELECT max("id") FROM "change_event"), 0) + 1, false)`,
    );
    await queryRunner.query(
      `ALTER TABLE "change_event" ALTER COLUMN "id" SET DEFAULT nextval('"change_event_id_seq"')`,
    );
    await queryRunner.query(`ALTER TABLE "change_event" DROP CONSTRAINT "PK_5bc9e39578d4b29addc565aa112"`);
    await queryRunner.query(`ALTER TABLE "change_event" ADD CONSTRAINT "pk_change_event" PRIMARY KEY ("id")`);
    await queryRunner.query(`ALTER TABLE "change_event" ALTER COLUMN "seq" DROP NOT NULL`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_change_event_seq" ON "change_event" ("seq")`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_change_event_unsequenced" ON "change_event" ("id") WHERE "seq" IS NULL`,
    );
    // The sequencer locks this row; it exists from now on (before, the first append made it).
    await queryRunner.query(
      `INSERT INTO "event_sequence" ("name", "value")
       SELECT 'change', COALESCE(max("seq"), 0) FROM "change_event" ON CONFLICT ("name") DO NOTHING`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Only once every event has its seq (run the sequencer first).
    await queryRunner.query(`DROP INDEX "uq_change_event_unsequenced"`);
    await queryRunner.query(`DROP INDEX "uq_change_event_seq"`);
    await queryRunner.query(`ALTER TABLE "change_event" ALTER COLUMN "seq" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "change_event" DROP CONSTRAINT "pk_change_event"`);
    await queryRunner.query(
      `ALTER TABLE "change_event" ADD CONSTRAINT "PK_5bc9e39578d4b29addc565aa112" PRIMARY KEY ("seq")`,
    );
    await queryRunner.query(`ALTER TABLE "change_event" DROP COLUMN "id"`);
  }
}
