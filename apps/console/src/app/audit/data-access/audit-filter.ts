import { AuditExportFormat, AuditFilter, AuditFilterForm } from './audit.models';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Local midnight of a YYYY-MM-DD day, as an ISO instant; undefined for an empty or malformed day. */
function startOfDay(day: string, plusDays = 0): string | undefined {
  if (!DAY.test(day)) return undefined;
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(y, m - 1, d + plusDays);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** The form as the API's filter: "to" is the whole of that day (the API's bound is exclusive). */
export function toAuditFilter(form: AuditFilterForm): AuditFilter {
  const filter: AuditFilter = {};
  const from = startOfDay(form.fromDay);
  const to = startOfDay(form.toDay, 1);
  if (from) filter.from = from;
  if (to) filter.to = to;
  if (form.personId.trim()) filter.personId = form.personId.trim();
  if (form.actor.trim()) filter.actor = form.actor.trim();
  if (form.action.trim()) filter.action = form.action.trim();
  return filter;
}

/** Why the form cannot be applied, in words, or null. */
export function filterProblem(form: AuditFilterForm): string | null {
  if (form.fromDay && form.toDay && form.fromDay > form.toDay) return 'The “from” day must not be after the “to” day.';
  return null;
}

/** The REST export's query string for the filter (the API names the person parameter `person`). */
export function exportQuery(format: AuditExportFormat, filter: AuditFilter): string {
  const params = new URLSearchParams({ format });
  if (filter.from) params.set('from', filter.from);
  if (filter.to) params.set('to', filter.to);
  if (filter.personId) params.set('person', filter.personId);
  if (filter.actor) params.set('actor', filter.actor);
  if (filter.action) params.set('action', filter.action);
  return params.toString();
}
