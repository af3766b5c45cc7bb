import { EntityManager } from 'typeorm';
import type { NhsNumberStatus, SourceRecordInput } from '@concord/domain';
import type { StandardRecord } from '@concord/matching';
import { LinkType, preparedQuery } from '@concord/persistence';
import { CandidatePerson, groupByPerson } from './candidates';

/** The registration already held for (source system, local id), with its current link. */
export interface KnownRegistration {
  id: string;
  version: number;
  contentHash: string;
  raw: SourceRecordInput;
  standardised: StandardRecord;
  flags: string[];
  nhsNumber: string | null;
  nhsNumberStatus: NhsNumberStatus;
  dateOfBirth: string | null;
  createdAt: Date;
  link: {
    personId: string;
    type: LinkType;
    reason: string;
    score: number | null;
    matchProbability: number | null;
  } | null;
}

export interface RegistrationLookup {
  known: KnownRegistration | null;
  /** Persons sharing a blocking key with the incoming record (the record itself excluded). */
  candidates: CandidatePerson[];
  /** term_frequency rows of the incoming record's values (and the fields' totals). */
  frequencyRows: Array<{ field: string; value: string; count: string }>;
}

export interface LookupRequest {
  sourceSystem: string;
  localId: string;
  keys: string[];
  /** The fields and values whose term frequencies to read (empty: none). */
  frequencyFields: string[];
  frequencyValues: string[];
  maxPersons?: number;
}

type KnownRow = Omit<KnownRegistration, 'createdAt' | 'link'> & {
  createdAt: string;
  link: KnownRegistration['link'];
};

/**
 * Everything a registration reads before it decides, in one round trip: the registration
 * already held for the identifier (with its link), the candidate persons by blocking key
 * (capped, as `findCandidatePersons`) and the term frequencies of the record's values. Run
 * it after the keys are locked (`lockKeys`), in a statement of its own, so that (READ
 * COMMITTED) it sees everything the previous holder of a lock committed.
 */
export async function lookUpRegistration(
  manager: EntityManager,
  request: LookupRequest,
): Promise<RegistrationLookup> {
  const [row]: Array<{
    known: KnownRow | null;
    candidates: Array<[string, string, StandardRecord]> | null;
    frequencies: RegistrationLookup['frequencyRows'] | null;
  }> = await preparedQuery(
    manager,
    `WITH known AS (
       SELECT r.id, r.version, r.content_hash AS "contentHash", r.raw, r.standardised, r.flags,
              r.nhs_number AS "nhsNumber", r.nhs_number_status AS "nhsNumberStatus",
              r.date_of_birth::text AS "dateOfBirth", r.created_at AS "createdAt",
              CASE WHEN l.person_id IS NULL THEN NULL ELSE
                json_build_object('personId', l.person_id, 'type', l.type, 'reason', l.reason,
                                  'score', l.score, 'matchProbability', l.match_probability) END AS link
         FROM source_record r
         LEFT JOIN link l ON l.record_id = r.id AND l.ended_at IS NULL
        WHERE r.source_system = $1 AND r.local_id = $2),
     persons AS (
       SELECT DISTINCT l.person_id
         FROM blocking_key bk
         JOIN link l ON l.record_id = bk.record_id AND l.ended_at IS NULL
        WHERE bk.key = ANY($3::text[]) AND bk.record_id NOT IN (SELECT id FROM known)
        LIMIT $4)
     SELECT (SELECT row_to_json(known) FROM known) AS known,
            (SELECT json_agg(json_build_array(l.person_id, r.id, r.standardised))
               FROM persons p
               JOIN link l ON l.person_id = p.person_id AND l.ended_at IS NULL
               JOIN source_record r ON r.id = l.record_id
              WHERE r.id NOT IN (SELECT id FROM known)) AS candidates,
            (SELECT json_agg(json_build_object('field', field, 'value', value, 'count', count::text))
               FROM term_frequency
              WHERE (field, value) IN (SELECT * FROM unnest($5::text[], $6::text[]))
                 OR (value = '' AND field = ANY($5::text[]))) AS frequencies`,
    [
      request.sourceSystem,
      request.localId,
      request.keys,
      request.maxPersons ?? 100,
      request.frequencyFields,
      request.frequencyValues,
    ],
  );
  const known = row.known ? { ...row.known, createdAt: new Date(row.known.createdAt) } : null;
  const candidates = groupByPerson(
    (row.candidates ?? []).map(([personId, recordId, standardised]) => ({
      person_id: personId,
      record_id: recordId,
      standardised,
    })),
  );
  return { known, candidates, frequencyRows: row.frequencies ?? [] };
}
