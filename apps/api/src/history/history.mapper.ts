import type { PersonAtTime as PersonAtTimeView } from '@concord/services';
import { PersonAtTime } from './history.models';

const iso = (date: Date | null) => (date ? date.toISOString() : null);

/** The service's answer as the GraphQL schema shows it (dates as ISO strings, explanation as JSON). */
export function toPersonAtTime(view: PersonAtTimeView): PersonAtTime {
  return {
    requestedId: view.requestedId,
    at: view.at.toISOString(),
    personId: view.personId,
    status: view.status,
    followed: view.followed.map((f) => ({ ...f, retiredAt: iso(f.retiredAt) })),
    currentStatus: view.currentStatus,
    currentSuccessorId: view.currentSuccessorId,
    records: view.records.map((r) => ({
      ...r,
      explanation: r.explanation === null ? null : JSON.stringify(r.explanation),
      linkedAt: r.linkedAt.toISOString(),
      endedAt: iso(r.endedAt),
      events: r.events.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
    })),
  };
}
