import type { ReviewTaskEntity, StewardOperationEntity } from '@concord/persistence';
import type { AuditActor } from '../audit/audit-log';

/**
 * Whether the actor is the steward who asked for the operation: by stable identity (user id,
 * OIDC subject) when both sides have one, so neither a shared display name (a local `ann` and
 * an OIDC `ann`) nor a renamed one (the provider's username claim changed) decides. Only an
 * operation recorded without an identity falls back to the name.
 */
export function sameRequester(operation: StewardOperationEntity, actor: AuditActor): boolean {
  if (operation.requestedById && actor.id) return operation.requestedById === actor.id;
  return operation.requestedBy === actor.name;
}

/**
 * Whether the actor holds the task's claim: by stable identity when both the claim and the
 * actor have one (as `sameRequester`), so a local user and an OIDC user of one display name
 * cannot release or decide each other's claim. A claim recorded without an identity (before
 * identities were kept, or by an actor that has none) falls back to the name.
 */
export function holds(task: ReviewTaskEntity, actor: AuditActor): boolean {
  if (task.assigneeId && actor.id) return task.assigneeId === actor.id;
  return task.assignee === actor.name;
}

/** The claim fields of a task held by the actor. */
export function heldBy(actor: AuditActor): Pick<ReviewTaskEntity, 'assignee' | 'assigneeId'> {
  return { assignee: actor.name, assigneeId: actor.id ?? null };
}

/** The claim fields of a task nobody holds. */
export const NOBODY: Pick<ReviewTaskEntity, 'assignee' | 'assigneeId'> = { assignee: null, assigneeId: null };
