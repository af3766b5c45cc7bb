import { EntityManager } from 'typeorm';
import type { StandardRecord } from '@concord/matching';
import { LinkType, preparedQuery } from '@concord/persistence';

/** A person sharing a blocking key with the incoming record, with its current records. */
export interface CandidatePerson {
  personId: string;
  records: Array<{ recordId: string; standardised: StandardRecord }>;
}

/**
 * What deciding needs of the registration already held for (source system, local id): its
 * version and content (to tell a repeat from an update), its flags and its current link.
 */
export interface KnownRegistration {
  id: string;
  version: number;
  contentHash: string;
  flags: string[];
  createdAt: Date;
  link: {
    /** The link row's id (a bigint, as text). */
    id: string;
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
  /**
   * Serialise registrations that could match each other: the identifier's key and the
   * blocking keys (taken in sorted order, so two registrations never wait in a cycle).
   */
  lockKeys: string[];
  /** The registration's identifier (null: none to read or exclude). */
  sourceSystem: string | null;
  localId: string | null;
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
 * Locks the registration's keys, then reads everything it needs to decide, in one round trip
 * (`concord_registration_lookup`, migration RegistrationFunctions): the registration already
 * held for the identifier (with its link), the candidate persons by blocking key (capped)
 * and the term frequencies of the record's values. The reads run after the locks, so they
 * see everything the previous holder of a lock committed: two registrations of one new
 * patient sharing a key end as one person. Without locks or an identifier it is the one
 * query for candidates (`findCandidatePersons`) and frequencies (`TermFrequencyStore`).
 */
export async function lookUpRegistration(
  manager: EntityManager,
  request: LookupRequest,
): Promise<RegistrationLookup> {
  const [{ lookup }]: Array<{
    lookup: {
      known: KnownRow | null;
      candidates: Array<[string, string, StandardRecord]> | null;
      frequencies: RegistrationLookup['frequencyRows'] | null;
    };
  }> = await preparedQuery(
    manager,
    `SELECT concord_registration_lookup($1::text[], $2, $3, $4::text[], $5, $6::text[], $7::text[]) AS lookup`,
    [
      request.lockKeys,
      request.sourceSystem,
      request.localId,
      request.keys,
      request.maxPersons ?? 100,
      request.frequencyFields,
      request.frequencyValues,
    ],
  );
  const known = lookup.known ? { ...lookup.known, createdAt: new Date(lookup.known.createdAt) } : null;
  const candidates = groupByPerson(
    (lookup.candidates ?? []).map(([personId, recordId, standardised]) => ({
      person_id: personId,
      record_id: recordId,
      standardised,
    })),
  );
  return { known, candidates, frequencyRows: lookup.frequencies ?? [] };
}

/** Candidate rows (one per current record) grouped by person, in the order they came. */
export function groupByPerson(
  rows: Array<{ person_id: string; record_id: string; standardised: StandardRecord }>,
): CandidatePerson[] {
  const byPerson = new Map<string, CandidatePerson>();
  for (const row of rows) {
    let person = byPerson.get(row.person_id);
    if (!person) byPerson.set(row.person_id, (person = { personId: row.person_id, records: [] }));
    person.records.push({ recordId: row.record_id, standardised: row.standardised });
  }
  return [...byPerson.values()];
}
