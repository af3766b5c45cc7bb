import { EntityManager } from 'typeorm';
import type { PairScore } from '@concord/matching';
import { preparedQuery, SourceRecordEntity } from '@concord/persistence';
import { AuditActor, auditInsertSql, NewAuditEvent } from '../audit/audit-log';
import { changeEventsInsertSql, NewChangeEvent } from '../events/change-events';
import { explanationOf, openTasksSql, TaskToOpen } from '../steward/task-opening';
import { roundWeight } from './registration-outcome';

export interface Placement {
  record: SourceRecordEntity;
  keys: string[];
  actor: AuditActor;
  /** The person the record joins: created by this statement (`isNew`) or locked before it. */
  person: { id: string; isNew: boolean; golden: object };
  link: { score: PairScore | null; reason: string; modelVersion: string | null };
  tasks: TaskToOpen[];
  events: NewChangeEvent[];
  audit: NewAuditEvent;
}

/**
 * A new registration's writes in one statement (one round trip): the record, its first
 * version and blocking keys, the new person or the joined person's refreshed golden view,
 * the link, review tasks, change events and the ledger's event. Data-modifying CTEs all
 * run; foreign keys are checked at the end of the statement, when every row is in. A
 * registration's round trips to the database are what bound its rate under load.
 */
export async function writePlacement(manager: EntityManager, placement: Placement): Promise<void> {
  const { record, person, link } = placement;
  const params: unknown[] = [];
  const $ = (value: unknown, cast = ''): string => `$${params.push(value)}${cast}`;
  const recordId = $(record.id, '::uuid');
  const personId = $(person.id, '::uuid');
  const actorName = $(placement.actor.name);
  const raw = $(JSON.stringify(record.raw), '::jsonb');
  const contentHash = $(record.contentHash);
  const now = $(record.createdAt.toISOString(), '::timestamptz');
  const golden = $(JSON.stringify(person.golden), '::jsonb');
  const parts = [
    `r AS (
       INSERT INTO source_record (id, source_system, local_id, raw, standardised, nhs_number, nhs_number_status,
                                  search_family_name, date_of_birth, flags, content_hash, version, created_at, updated_at)
       VALUES (${recordId}, ${$(record.sourceSystem)}, ${$(record.localId)}, ${raw},
               ${$(JSON.stringify(record.standardised), '::jsonb')}, ${$(record.nhsNumber)}, ${$(record.nhsNumberStatus)},
               ${$(record.searchFamilyName)}, ${$(record.dateOfBirth, '::date')}, ${$(record.flags, '::text[]')},
               ${contentHash}, 1, ${now}, ${now}))`,
    `v AS (
       INSERT INTO source_record_version (record_id, version, raw, content_hash, actor)
       VALUES (${recordId}, 1, ${raw}, ${contentHash}, ${actorName}))`,
    `k AS (
       INSERT INTO blocking_key (record_id, key) SELECT ${recordId}, k FROM unnest(${$(placement.keys, '::text[]')}) AS k)`,
    person.isNew
      ? // Version 2, as if created (1) and refreshed (2), which is what the bulk import writes too.
        `p AS (INSERT INTO person (id, status, successor_id, golden, version) VALUES (${personId}, 'active', NULL, ${golden}, 2))`
      : `p AS (UPDATE person SET golden = ${golden}, version = version + 1, updated_at = now() WHERE id = ${personId})`,
    `l AS (
       INSERT INTO link (record_id, person_id, type, score, match_probability, model_version, explanation, reason,
                         created_by, ended_at, ended_by)
       VALUES (${recordId}, ${personId}, 'auto', ${$(link.score ? roundWeight(link.score.weight) : null, '::float8')},
               ${$(link.score?.probability ?? null, '::float8')}, ${$(link.modelVersion)},
               ${$(link.score ? JSON.stringify(explanationOf(link.score)) : null, '::jsonb')}, ${$(link.reason)},
               ${actorName}, NULL, NULL))`,
  ];
  if (placement.tasks.length > 0)
    parts.push(
      `t AS (${openTasksSql(placement.tasks, params, { recordSourceSystem: record.sourceSystem })})`,
    );
  if (placement.events.length > 0) parts.push(`e AS (${changeEventsInsertSql(placement.events, params)})`);
  parts.push(`a AS (${auditInsertSql(placement.actor, [placement.audit], params)})`);
  // A handful of texts (new person or not, with tasks or not): prepared once per connection.
  await preparedQuery(manager, `WITH ${parts.join(',\n')}\n SELECT 1`, params);
}
