import { EntityManager } from 'typeorm';
import { lockFeedCounter, numberCommittedEvents, storeFeedCounter } from '../events/change-events';

/**
 * Rows of one chunk of whole persons, one array per table. Each array travels as a single
 * JSON parameter read with json_to_recordset: one parse on the server, no array-literal
 * escaping in the driver (which cost more than the inserts themselves), and nested objects
 * land in jsonb columns as they are.
 */
export interface BulkChunk {
  persons: Array<{ id: string; golden: object; version: number }>;
  records: Array<{
    id: string;
    sys: string;
    lid: string;
    raw: object;
    std: object;
    nhs: string | null;
    nhs_status: string;
    fam: string | null;
    dob: string | null;
    flags: string[];
    hash: string;
    at: string;
  }>;
  links: Array<{
    rid: string;
    pid: string;
    score: number | null;
    prob: number | null;
    mv: string | null;
    expl: object | null;
    reason: string;
  }>;
  keys: Array<{ rid: string; key: string }>;
  reviews: Array<{
    id: string;
    type: string;
    rid: string;
    pid: string | null;
    sys: string[];
    score: number;
    prob: number;
    prio: number;
    expl: object;
    mv: string;
  }>;
  events: Array<{ type: string; pid: string; rid: string | null; payload: object }>;
}

export function emptyChunk(): BulkChunk {
  return { persons: [], records: [], links: [], keys: [], reviews: [], events: [] };
}

/**
 * Writes one chunk inside the caller's transaction: a handful of statements whatever the
 * chunk's size. JSON travels as text[] and is cast per element, because a parameter of
 * type jsonb[] is not handled alike by every driver (node-postgres, PGlite).
 */
export async function writeChunk(
  manager: EntityManager,
  chunk: BulkChunk,
  actor: string,
  beforeReviews: () => Promise<void> = async () => undefined,
): Promise<void> {
  const json = (rows: object[]) => JSON.stringify(rows);
  await manager.query(
    `INSERT INTO person (id, status, successor_id, golden, version)
     SELECT id, 'active', NULL, golden, version
       FROM json_to_recordset($1::json) AS t(id uuid, golden jsonb, version int)`,
    [json(chunk.persons)],
  );
  // Records and their first versions from one parse of the one parameter.
  await manager.query(
    `WITH t AS MATERIALIZED (
       SELECT * FROM json_to_recordset($1::json)
         AS t(id uuid, sys text, lid text, raw jsonb, std jsonb, nhs text, nhs_status text, fam text, dob date,
              flags text[], hash text, at timestamptz)),
     records AS (
       INSERT INTO source_record (id, source_system, local_id, raw, standardised, nhs_number, nhs_number_status,
                                  search_family_name, date_of_birth, flags, content_hash, version, created_at, updated_at)
       SELECT id, sys, lid, raw, std, nhs, nhs_status, fam, dob, flags, hash, 1, at, at FROM t)
     INSERT INTO source_record_version (record_id, version, raw, content_hash, actor)
     SELECT id, 1, raw, hash, $2 FROM t`,
    [json(chunk.records), actor],
  );
  await manager.query(
    `INSERT INTO link (record_id, person_id, type, score, match_probability, model_version, explanation, reason, created_by)
     SELECT rid, pid, 'auto', score, prob, mv, expl, reason, $2
       FROM json_to_recordset($1::json)
         AS t(rid uuid, pid uuid, score float8, prob float8, mv text, expl jsonb, reason text)`,
    [json(chunk.links), actor],
  );
  if (chunk.keys.length > 0)
    await manager.query(
      `INSERT INTO blocking_key (record_id, key)
       SELECT rid, key FROM json_to_recordset($1::json) AS t(rid uuid, key text)`,
      [json(chunk.keys)],
    );
  // The change-feed counter is taken after this wait, never before: the chunk waited for
  // never waits for this one, so the two cannot deadlock.
  await beforeReviews();
  if (chunk.reviews.length > 0)
    await manager.query(
      `INSERT INTO review_task (id, type, status, record_id, candidate_person_id, score, match_probability,
                                priority, explanation, model_version, source_systems, version)
       SELECT id, type, 'open', rid, pid, score, prob, prio, expl, mv, ARRAY(SELECT json_array_elements_text(sys)), 1
         FROM json_to_recordset($1::json)
           AS t(id uuid, type text, rid uuid, pid uuid, sys json, score float8, prob float8, prio int, expl jsonb,
                mv text)
       ON CONFLICT DO NOTHING`,
      [json(chunk.reviews)],
    );
  // Last: the chunk numbers its own events, as a sequencer pass would, so a large load does
  // not write each event twice. With the counter locked it first numbers the committed
  // events of real-time writers still waiting, then its own after them; the lock is held
  // until the chunk commits (only sequencer passes wait for it, never a registration), so
  // the feed stays gap-free and ordered.
  const waiting = await numberCommittedEvents(manager, (await lockFeedCounter(manager, true)) as bigint, 1e9);
  const first = waiting.last + 1n;
  await manager.query(
    `INSERT INTO change_event (seq, type, person_id, record_id, payload)
     SELECT seq, type, pid, rid, payload
       FROM json_to_recordset($1::json) AS t(seq bigint, type text, pid uuid, rid uuid, payload jsonb)
      ORDER BY seq`,
    [json(chunk.events.map((e, i) => ({ ...e, seq: (first + BigInt(i)).toString() })))],
  );
  await storeFeedCounter(manager, waiting.last + BigInt(chunk.events.length));
}
