import { DataSource, EntityManager } from 'typeorm';
import { PersonEntity } from '@concord/persistence';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { invalid, notFound } from '../errors/service-error';

/** A ledger event, as the history shows it (without before/after bodies). */
export interface HistoryAuditEvent {
  seq: string;
  occurredAt: Date;
  actor: string;
  actorRole: string;
  action: string;
  reason: string | null;
  modelVersion: string | null;
  requestId: string | null;
}

/** One record as the link table had it for the person at the instant asked about. */
export interface LinkAtTime {
  recordId: string;
  sourceSystem: string;
  localId: string;
  linkType: string;
  score: number | null;
  matchProbability: number | null;
  modelVersion: string | null;
  /** Why the link was made: `auto-link`, `new-person`, `review`, `merge`, `split`, … */
  reason: string;
  /** The engine's explanation (field levels and weights) when the link came from matching. */
  explanation: object | null;
  linkedAt: Date;
  linkedBy: string;
  /** When the link ended, if it did after the instant (null: still current). */
  endedAt: Date | null;
  endedBy: string | null;
  /** The ledger events that explain the link: the change that created it. */
  events: HistoryAuditEvent[];
}

export type PersonStatusAtTime = 'active' | 'retired' | 'not-created';

/** A retired person the answer followed to its successor. */
export interface FollowedPerson {
  personId: string;
  /** When its last record left it (at or before the instant). */
  retiredAt: Date | null;
  successorId: string;
}

export interface PersonAtTime {
  /** The id asked about. */
  requestedId: string;
  at: Date;
  /** The person answering: the id asked about, or the successor it had been merged into by then. */
  personId: string;
  status: PersonStatusAtTime;
  /** Retired persons followed on the way from `requestedId` to `personId`, in order. */
  followed: FollowedPerson[];
  /** The answering person's status today, for comparison. */
  currentStatus: string;
  currentSuccessorId: string | null;
  records: LinkAtTime[];
}

/** The creating change of a link is looked for this close to the link's creation. */
const EVENT_WINDOW_SECONDS = 600;
const MAX_HOPS = 50;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/;

/**
 * An ISO 8601 instant: a date (midnight UTC) or a date and time with `Z` or an offset.
 * A time without a zone is refused rather than read in the server's zone.
 */
export function parseInstant(field: string, raw: string): Date {
  const value = raw.trim();
  if (!ISO_INSTANT.test(value))
    throw invalid(field, 'must be an ISO 8601 date or date-time with a zone, e.g. 2026-11-28T10:15:00Z');
  const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value);
  // The calendar date as written must exist (JavaScript would read 30 February as 2 March).
  const [y, m, d] = value.slice(0, 10).split('-').map(Number);
  const calendar = new Date(Date.UTC(y, m - 1, d));
  if (Number.isNaN(date.getTime()) || calendar.getUTCMonth() !== m - 1 || calendar.getUTCDate() !== d)
    throw invalid(field, `"${raw}" is not a real date`);
  return date;
}

/**
 * Time travel over the link table: which records a person had at an instant, each with the
 * link's evidence and the ledger event that made it. Links are never deleted (an ending
 * link gets `ended_at`), so a link was in force at T when `created_at <= T < ended_at`.
 * A person retired by T is followed to its successor. Every answer is itself an audited
 * read of patient data.
 */
export class PersonHistoryService {
  constructor(private readonly dataSource: DataSource) {}

  async personAt(personId: string, at: Date, actor: AuditActor): Promise<PersonAtTime> {
    if (!UUID.test(personId)) throw invalid('id', 'must be a UUID');
    if (!(at instanceof Date) || Number.isNaN(at.getTime())) throw invalid('at', 'must be a valid instant');
    return this.dataSource.transaction(async (manager) => {
      const answer = await this.answer(manager, personId, at);
      await appendAudit(manager, actor, [
        {
          action: 'person.history-viewed',
          personIds: [...new Set([personId, ...answer.followed.map((f) => f.personId), answer.personId])],
          recordIds: answer.records.map((r) => r.recordId),
          after: { at: at.toISOString() },
        },
      ]);
      return answer;
    });
  }

  private async answer(manager: EntityManager, requestedId: string, at: Date): Promise<PersonAtTime> {
    const persons = manager.getRepository(PersonEntity);
    const followed: FollowedPerson[] = [];
    const first = await persons.findOneBy({ id: requestedId });
    if (!first) throw notFound(`No person with id ${requestedId}`);
    let person: PersonEntity = first;
    for (;;) {
      const state = await this.stateAt(manager, person, at);
      // Where its records had gone by then (today's successor may be a later merge's survivor).
      const successorId = state.successorId ?? person.successorId;
      const seen = (id: string) => id === requestedId || followed.some((f) => f.personId === id);
      const next: PersonEntity | null =
        state.status === 'retired' && successorId && !seen(successorId) && followed.length < MAX_HOPS
          ? await persons.findOneBy({ id: successorId })
          : null;
      if (!next || !successorId) {
        return {
          requestedId,
          at,
          personId: person.id,
          status: state.status,
          followed,
          currentStatus: person.status,
          currentSuccessorId: person.successorId,
          records: await this.explain(manager, person.id, state.links),
        };
      }
      followed.push({ personId: person.id, retiredAt: state.retiredAt, successorId });
      person = next;
    }
  }

  private async stateAt(manager: EntityManager, person: PersonEntity, at: Date) {
    if (person.createdAt > at)
      return { status: 'not-created' as const, links: [] as LinkRow[], retiredAt: null, successorId: null };
    const links: LinkRow[] = await manager.query(
      `SELECT l.record_id, r.source_system, r.local_id, l.type, l.score, l.match_probability,
              l.model_version, l.reason, l.explanation, l.created_at, l.created_by, l.ended_at, l.ended_by
         FROM link l JOIN source_record r ON r.id = l.record_id
        WHERE l.person_id = $1 AND l.created_at <= $2 AND (l.ended_at IS NULL OR l.ended_at > $2)
        ORDER BY l.created_at, r.source_system, r.local_id`,
      [person.id, at],
    );
    if (links.length > 0) return { status: 'active' as const, links, retiredAt: null, successorId: null };
    // No record at T: emptied by then (merged away) when it had links that ended by T.
    const [{ last_ended }]: Array<{ last_ended: Date | null }> = await manager.query(
      `SELECT max(ended_at) AS last_ended FROM link
        WHERE person_id = $1 AND created_at <= $2 AND ended_at <= $2`,
      [person.id, at],
    );
    if (!last_ended) return { status: 'active' as const, links, retiredAt: null, successorId: null };
    // Its successor at T: the person that held, at T, the record that left it last.
    const holders: Array<{ person_id: string }> = await manager.query(
      `SELECT n.person_id FROM link l JOIN link n ON n.record_id = l.record_id
        WHERE l.person_id = $1 AND n.person_id <> $1
          AND l.ended_at = (SELECT max(e.ended_at) FROM link e
                             WHERE e.person_id = $1 AND e.created_at <= $2 AND e.ended_at <= $2)
          AND n.created_at <= $2 AND (n.ended_at IS NULL OR n.ended_at > $2)
        ORDER BY n.created_at DESC LIMIT 1`,
      [person.id, at],
    );
    return {
      status: 'retired' as const,
      links,
      retiredAt: new Date(last_ended),
      successorId: holders[0]?.person_id ?? null,
    };
  }

  /** Each link with the ledger event that created it: the change naming both person and record, nearest in time. */
  private async explain(manager: EntityManager, personId: string, links: LinkRow[]): Promise<LinkAtTime[]> {
    const out: LinkAtTime[] = [];
    for (const link of links) {
      const events: EventRow[] = await manager.query(
        `SELECT seq, occurred_at, actor, actor_role, action, reason, model_version, request_id
           FROM audit_event
          WHERE person_ids @> ARRAY[$1]::text[] AND $2 = ANY(record_ids)
            AND action !~ '(viewed|shown|exported)$'
            AND occurred_at BETWEEN $3::timestamptz - make_interval(secs => $4)
                                AND $3::timestamptz + make_interval(secs => $4)
          ORDER BY abs(extract(epoch FROM occurred_at - $3::timestamptz)), seq
          LIMIT 1`,
        [personId, link.record_id, link.created_at, EVENT_WINDOW_SECONDS],
      );
      out.push({
        recordId: link.record_id,
        sourceSystem: link.source_system,
        localId: link.local_id,
        linkType: link.type,
        score: link.score,
        matchProbability: link.match_probability,
        modelVersion: link.model_version,
        reason: link.reason,
        explanation: link.explanation,
        linkedAt: new Date(link.created_at),
        linkedBy: link.created_by,
        endedAt: link.ended_at ? new Date(link.ended_at) : null,
        endedBy: link.ended_by,
        events: events.map((e) => ({
          seq: String(e.seq),
          occurredAt: new Date(e.occurred_at),
          actor: e.actor,
          actorRole: e.actor_role,
          action: e.action,
          reason: e.reason,
          modelVersion: e.model_version,
          requestId: e.request_id,
        })),
      });
    }
    return out;
  }
}

interface LinkRow {
  record_id: string;
  source_system: string;
  local_id: string;
  type: string;
  score: number | null;
  match_probability: number | null;
  model_version: string | null;
  reason: string;
  explanation: object | null;
  created_at: Date;
  created_by: string;
  ended_at: Date | null;
  ended_by: string | null;
}

interface EventRow {
  seq: string;
  occurred_at: Date;
  actor: string;
  actor_role: string;
  action: string;
  reason: string | null;
  model_version: string | null;
  request_id: string | null;
}
