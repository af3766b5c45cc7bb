import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two steps of a registration that must lock first and read after the lock, each as one
 * call (one round trip instead of two). A VOLATILE function takes a new snapshot for each
 * statement it runs, so its reads see everything committed by the transaction that held
 * the lock before; a single statement would read from a snapshot taken before it waited.
 *
 * - `concord_registration_lookup`: locks the registration's keys (its identifier and its
 *   blocking keys, in sorted order, so two registrations never wait on each other in a
 *   cycle), then reads the registration already held for the identifier (what deciding
 *   needs of it: version, content hash, flags, current link), the candidate persons by blocking key (capped) with their current records'
 *   standardised forms, and the term frequencies of the record's values.
 * - `concord_lock_person_for_link`: locks a person, following a retired person to its
 *   successor (as `lockActivePerson` does), then reads the current records its golden view
 *   is computed from.
 */
export class RegistrationFunctions1795900000000 implements MigrationInterface {
  name = 'RegistrationFunctions1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION concord_registration_lookup(
        p_lock_keys text[], p_system text, p_local_id text, p_keys text[], p_max_persons int,
        p_tf_fields text[], p_tf_values text[]) RETURNS json
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        found_json json;
      BEGIN
        PERFORM count(pg_advisory_xact_lock(hashtext(k)))
           FROM (SELECT DISTINCT k FROM unnest(p_lock_keys) AS k ORDER BY k) AS keys;
        WITH known AS (
          SELECT r.id, r.version, r.content_hash AS "contentHash", r.flags, r.created_at AS "createdAt",
                 CASE WHEN l.person_id IS NULL THEN NULL ELSE
                   json_build_object('id', l.id::text, 'personId', l.person_id, 'type', l.type,
                                     'reason', l.reason, 'score', l.score,
                                     'matchProbability', l.match_probability) END AS link
            FROM source_record r
            LEFT JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL
           WHERE r.source_system = p_system AND r.local_id = p_local_id),
        persons AS (
          SELECT DISTINCT l.person_id
            FROM blocking_key bk
            JOIN link l ON l.record_id = bk.record_id AND l.ended_at IS NULL
           WHERE bk.key = ANY(p_keys) AND bk.record_id NOT IN (SELECT id FROM known)
           LIMIT p_max_persons)
        SELECT json_build_object(
          'known', (SELECT row_to_json(known) FROM known),
          'candidates', (SELECT json_agg(json_build_array(l.person_id, r.id, r.standardised))
                           FROM persons p
                           JOIN link l ON l.person_id = p.person_id AND l.ended_at IS NULL
                           JOIN source_record r ON r.id = l.record_id
                          WHERE r.id NOT IN (SELECT id FROM known)),
          'frequencies', (SELECT json_agg(json_build_object('field', tf.field, 'value', tf.value,
                                                            'count', tf.count::text))
                            FROM term_frequency tf
                           WHERE (tf.field, tf.value) IN (SELECT * FROM unnest(p_tf_fields, p_tf_values))
                              OR (tf.value = '' AND tf.field = ANY(p_tf_fields))))
          INTO found_json;
        RETURN found_json;
      END
      $fn$`);
    await queryRunner.query(`
      CREATE FUNCTION concord_lock_person_for_link(p_person uuid) RETURNS json
      LANGUAGE plpgsql VOLATILE AS $fn$
      DECLARE
        v_id uuid := p_person;
        v_status text;
        v_successor uuid;
        v_hops int := 0;
        v_records json;
      BEGIN
        LOOP
          SELECT status, successor_id INTO v_status, v_successor FROM person WHERE id = v_id FOR UPDATE;
          IF NOT FOUND THEN
            RETURN json_build_object('missing', v_id);
          END IF;
          EXIT WHEN v_status = 'active' OR v_successor IS NULL;
          v_hops := v_hops + 1;
          IF v_hops >= 64 THEN
            RETURN json_build_object('chainTooLong', p_person);
          END IF;
          v_id := v_successor;
        END LOOP;
        SELECT coalesce(json_agg(json_build_object(
                 'raw', r.raw, 'sourceSystem', r.source_system, 'nhsNumber', r.nhs_number,
                 'nhsNumberStatus', r.nhs_number_status, 'dateOfBirth', r.date_of_birth::text,
                 'flags', r.flags, 'updatedAt', r.updated_at)), '[]'::json)
          INTO v_records
          FROM link l JOIN source_record r ON r.id = l.record_id
         WHERE l.person_id = v_id AND l.ended_at IS NULL;
        RETURN json_build_object('personId', v_id, 'records', v_records);
      END
      $fn$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION concord_lock_person_for_link(uuid)`);
    await queryRunner.query(
      `DROP FUNCTION concord_registration_lookup(text[], text, text, text[], int, text[], text[])`,
    );
  }
}
