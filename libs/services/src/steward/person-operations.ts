import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import type { StandardRecord } from '@concord/matching';
import { PersonSnapshot, StewardOperationEntity } from '@concord/persistence';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { appendChangeEvents, NewChangeEvent } from '../events/change-events';
import { refreshGolden } from '../registration/person-writes';
import { conflict, invalid } from '../errors/service-error';
import { keepApart } from './kept-apart';
import { lockPersons } from './person-locks';
import { settleTasksAfterMerge } from './merge-tasks';
import {
  MergedAwaySnapshot,
  putBackKeptApart,
  putBackSettledTasks,
  restorePersons,
  snapshotPersons,
  stateKey,
  takeKeptApart,
} from './snapshots';

export type FourEyesRule = 'off' | 'different-nhs' | 'always';

/** Current records of persons with their standardised values and valid NHS numbers. */
export async function currentRecords(
  manager: EntityManager,
  personIds: string[],
): Promise<
  Array<{
    id: string;
    personId: string;
    sourceSystem: string;
    standardised: StandardRecord;
    nhsNumber: string | null;
    nhsNumberStatus: string;
  }>
> {
  const rows: Array<{
    id: string;
    person_id: string;
    source_system: string;
    standardised: StandardRecord;
    nhs_number: string | null;
    nhs_number_status: string;
  }> = await manager.query(
    `SELECT r.id, l.person_id, r.source_system, r.standardised, r.nhs_number, r.nhs_number_status
       FROM link l JOIN source_record r ON r.id = l.record_id
      WHERE l.person_id = ANY($1::uuid[]) AND l.ended_at IS NULL ORDER BY r.id`,
    [personIds],
  );
  return rows.map((r) => ({
    id: r.id,
    personId: r.person_id,
    sourceSystem: r.source_system,
    standardised: r.standardised,
    nhsNumber: r.nhs_number,
    nhsNumberStatus: r.nhs_number_status,
  }));
}

/** Why a merge of these persons needs a second steward, or null when it does not. */
export async function fourEyesReason(
  manager: EntityManager,
  rule: FourEyesRule,
  survivorId: string,
  retiredId: string,
): Promise<string | null> {
  if (rule === 'off') return null;
  if (rule === 'always') return 'every merge needs a second steward (four-eyes rule: always)';
  const records = await currentRecords(manager, [survivorId, retiredId]);
  const numbers = (personId: string) =>
    new Set(
      records.filter((r) => r.personId === personId && r.nhsNumberStatus === 'valid').map((r) => r.nhsNumber),
    );
  const a = numbers(survivorId);
  const b = numbers(retiredId);
  const differ = a.size > 0 && b.size > 0 && ![...a].some((n) => b.has(n));
  return differ ? 'the two persons hold different valid NHS numbers' : null;
}

/**
 * Merges, splits and undoes them, each in the caller's transaction with its snapshots,
 * change events and audit event. The survivor of a merge keeps its id; the other person is
 * retired and names the survivor, so its id keeps resolving.
 */
export class PersonOperations {
  /** Records a merge; `pendingReason` set means it waits for a second steward. */
  async requestMerge(
    manager: EntityManager,
    request: {
      survivorId: string;
      retiredId: string;
      reason: string;
      taskId: string | null;
      pendingReason: string | null;
    },
    actor: AuditActor,
  ): Promise<StewardOperationEntity> {
    const operation = Object.assign(new StewardOperationEntity(), {
      id: randomUUID(),
      kind: 'merge' as const,
      status: 'pending-approval' as const,
      taskId: request.taskId,
      personId: request.survivorId,
      otherPersonId: request.retiredId,
      personIds: [request.survivorId, request.retiredId],
      recordIds: [] as string[],
      reason: request.reason,
      approvalReason: request.pendingReason,
      requestedBy: actor.name,
      requestedById: actor.id ?? null,
      decidedBy: null,
      decidedAt: null,
      undoneBy: null,
      undoneAt: null,
      before: null,
      after: null,
      version: 1,
    });
    await manager.getRepository(StewardOperationEntity).insert(operation);
    if (request.pendingReason) {
      await appendAudit(manager, actor, [
        {
          action: 'person.merge-requested',
          personIds: operation.personIds,
          reason: request.reason,
          after: { operationId: operation.id, fourEyes: request.pendingReason },
        },
      ]);
      return operation;
    }
    return this.applyMerge(manager, operation, actor);
  }

  /** Carries out a recorded merge (at once, or on a second steward's approval). */
  async applyMerge(
    manager: EntityManager,
    operation: StewardOperationEntity,
    actor: AuditActor,
  ): Promise<StewardOperationEntity> {
    const survivorId = operation.personId;
    const retiredId = operation.otherPersonId as string;
    const persons = await lockPersons(manager, [survivorId, retiredId]);
    for (const id of [survivorId, retiredId])
      if (persons.get(id)?.status !== 'active')
        throw conflict(`person ${id} is no longer active (merged or split meanwhile); reload the task`);
    // Persons merged into the retired one earlier now point at the survivor: they are part of
    // the before-state an undo gives back. Locked, so no one else repoints them meanwhile.
    const predecessors: Array<{ id: string }> = await manager.query(
      `SELECT id FROM person WHERE successor_id = $1 ORDER BY id FOR UPDATE`,
      [retiredId],
    );
    const touched = [survivorId, retiredId, ...predecessors.map((p) => p.id)];
    const before = await snapshotPersons(manager, touched);
    const moving = before[1].links;
    await manager.query(
      `UPDATE link SET ended_at = now(), ended_by = $2 WHERE person_id = $1 AND ended_at IS NULL`,
      [retiredId, actor.name],
    );
    for (const link of moving)
      await manager.query(
        `INSERT INTO link (record_id, person_id, type, score, match_probability, model_version, explanation,
                           reason, created_by)
         VALUES ($1, $2, 'manual', $3, $4, $5, $6, 'merge', $7)`,
        [
          link.recordId,
          survivorId,
          link.score,
          link.matchProbability,
          link.modelVersion,
          link.explanation === null ? null : JSON.stringify(link.explanation),
          actor.name,
        ],
      );
    await manager.query(
      `UPDATE person SET status = 'retired', successor_id = $2, version = version + 1, updated_at = now()
        WHERE id = $1`,
      [retiredId, survivorId],
    );
    // Earlier successors of the retired person now point straight at the survivor.
    await manager.query(`UPDATE person SET successor_id = $2 WHERE successor_id = $1`, [
      retiredId,
      survivorId,
    ]);
    // A steward's merge overrides their earlier "not the same person" between these records.
    // The overridden decisions go into the retired person's before-snapshot: an undo restores them.
    const recordIds = [...before[0].links, ...moving].map((l) => l.recordId);
    const overridden = await takeKeptApart(manager, recordIds);
    if (overridden.length > 0) (before[1] as MergedAwaySnapshot).keptApart = overridden;
    await refreshGolden(manager, survivorId);
    const settled = await settleTasksAfterMerge(manager, survivorId, retiredId, actor.name, operation.taskId);
    if (settled.supersededTasks.length > 0)
      (before[1] as MergedAwaySnapshot).supersededTasks = settled.supersededTasks;
    if (settled.repointedTasks.length > 0)
      (before[1] as MergedAwaySnapshot).repointedTasks = settled.repointedTasks;
    const after = await snapshotPersons(manager, touched);
    Object.assign(operation, {
      status: 'applied',
      recordIds: moving.map((l) => l.recordId),
      before,
      after,
      decidedBy: actor.name,
      decidedAt: new Date(),
      version: operation.version + 1,
    });
    await manager.getRepository(StewardOperationEntity).save(operation);
    const events: NewChangeEvent[] = [];
    for (const link of moving)
      events.push(
        {
          type: 'unlinked',
          personId: retiredId,
          recordId: link.recordId,
          payload: { operationId: operation.id },
        },
        {
          type: 'linked',
          personId: survivorId,
          recordId: link.recordId,
          payload: { operationId: operation.id },
        },
      );
    events.push({
      type: 'merged',
      personId: survivorId,
      recordId: null,
      payload: { retiredPersonId: retiredId, operationId: operation.id },
    });
    await appendAudit(manager, actor, [
      {
        action: 'person.merged',
        personIds: [survivorId, retiredId],
        recordIds: operation.recordIds,
        reason: operation.reason,
        before: { operationId: operation.id, persons: before },
        after: { operationId: operation.id, persons: after, requestedBy: operation.requestedBy },
        modelVersion: null,
      },
    ]);
    await appendChangeEvents(manager, events);
    return operation;
  }

  /** Detaches records from a person into a new person, remembering the separation. */
  async split(
    manager: EntityManager,
    request: { personId: string; recordIds: string[]; reason: string },
    actor: AuditActor,
  ): Promise<StewardOperationEntity> {
    const persons = await lockPersons(manager, [request.personId]);
    if (persons.get(request.personId)?.status !== 'active')
      throw conflict(`person ${request.personId} is retired; split its successor instead`);
    const before = await snapshotPersons(manager, [request.personId]);
    const held = new Set(before[0].links.map((l) => l.recordId));
    const splitIds = [...new Set(request.recordIds)];
    if (splitIds.length === 0) throw invalid('recordIds', 'name at least one record to split off');
    for (const id of splitIds)
      if (!held.has(id))
        throw invalid('recordIds', `record ${id} is not linked to person ${request.personId}`);
    if (splitIds.length === held.size)
      throw invalid('recordIds', 'at least one record must stay with the person');
    const newPersonId = randomUUID();
    const operationId = randomUUID();
    await manager.query(
      `INSERT INTO person (id, status, golden, version) VALUES ($1, 'active', '{}'::jsonb, 1)`,
      [newPersonId],
    );
    await manager.query(
      `UPDATE link SET ended_at = now(), ended_by = $2 WHERE record_id = ANY($1::uuid[]) AND ended_at IS NULL`,
      [splitIds, actor.name],
    );
    for (const id of splitIds)
      await manager.query(
        `INSERT INTO link (record_id, person_id, type, reason, created_by) VALUES ($1, $2, 'manual', 'split', $3)`,
        [id, newPersonId, actor.name],
      );
    const records = await currentRecords(manager, [request.personId, newPersonId]);
    await keepApart(
      manager,
      records.filter((r) => r.personId === newPersonId),
      records.filter((r) => r.personId === request.personId),
      { reason: request.reason, decidedBy: actor.name, operationId },
    );
    await refreshGolden(manager, request.personId);
    await refreshGolden(manager, newPersonId);
    const after = await snapshotPersons(manager, [request.personId, newPersonId]);
    const operation = Object.assign(new StewardOperationEntity(), {
      id: operationId,
      kind: 'split' as const,
      status: 'applied' as const,
      taskId: null,
      personId: request.personId,
      otherPersonId: newPersonId,
      personIds: [request.personId, newPersonId],
      recordIds: splitIds,
      reason: request.reason,
      approvalReason: null,
      requestedBy: actor.name,
      requestedById: actor.id ?? null,
      decidedBy: actor.name,
      decidedAt: new Date(),
      undoneBy: null,
      undoneAt: null,
      before,
      after,
      version: 1,
    });
    await manager.getRepository(StewardOperationEntity).insert(operation);
    const events: NewChangeEvent[] = [
      { type: 'created', personId: newPersonId, recordId: null, payload: {} },
    ];
    for (const id of splitIds)
      events.push(
        { type: 'unlinked', personId: request.personId, recordId: id, payload: { operationId } },
        { type: 'linked', personId: newPersonId, recordId: id, payload: { operationId } },
      );
    events.push({
      type: 'split',
      personId: request.personId,
      recordId: null,
      payload: { newPersonId, recordIds: splitIds, operationId },
    });
    await appendAudit(manager, actor, [
      {
        action: 'person.split',
        personIds: [request.personId, newPersonId],
        recordIds: splitIds,
        reason: request.reason,
        before: { operationId, persons: before },
        after: { operationId, persons: after },
      },
    ]);
    await appendChangeEvents(manager, events);
    return operation;
  }

  /**
   * Restores the exact state before an applied merge or split: links (with their original
   * type, score and reason), status, successor and golden view. Refused when the persons have
   * changed since, because the before-state would then lose later work.
   */
  async undo(
    manager: EntityManager,
    operation: StewardOperationEntity,
    reason: string,
    actor: AuditActor,
  ): Promise<StewardOperationEntity> {
    if (operation.status !== 'applied' || !operation.before || !operation.after)
      throw conflict(
        `operation ${operation.id} is ${operation.status}; only an applied operation can be undone`,
      );
    // Every person the operation snapshotted (a merge also repoints earlier predecessors).
    const ids = [...new Set([...operation.personIds, ...operation.after.map((p) => p.id)])];
    await lockPersons(manager, ids);
    const now = await snapshotPersons(manager, ids);
    if (stateKey(now) !== stateKey(operation.after))
      throw conflict(
        `the persons of operation ${operation.id} have changed since it was applied; undo the later changes first`,
      );
    const restore: PersonSnapshot[] = [...operation.before];
    if (operation.kind === 'split') {
      // The person the split created did not exist before: it is retired into the original.
      const created = now.find((p) => p.id === operation.otherPersonId) as PersonSnapshot;
      restore.push({ ...created, status: 'retired', successorId: operation.personId, links: [] });
      await manager.query(`DELETE FROM kept_apart WHERE operation_id = $1`, [operation.id]);
    }
    await restorePersons(manager, restore, actor.name);
    if (operation.kind === 'merge') {
      const retired = operation.before.find((p) => p.id === operation.otherPersonId) as MergedAwaySnapshot;
      await putBackKeptApart(manager, retired?.keptApart ?? []);
      if (retired) await putBackSettledTasks(manager, retired, operation.personId);
    }
    if (operation.taskId)
      await manager.query(
        `UPDATE review_task SET status = 'open', resolution = NULL, resolved_at = NULL, resolved_by = NULL,
                assignee = NULL, assignee_id = NULL, lease_until = NULL, version = version + 1, updated_at = now()
          WHERE id = $1`,
        [operation.taskId],
      );
    Object.assign(operation, {
      status: 'undone',
      undoneBy: actor.name,
      undoneAt: new Date(),
      version: operation.version + 1,
    });
    await manager.getRepository(StewardOperationEntity).save(operation);
    const restored = await snapshotPersons(
      manager,
      restore.map((p) => p.id),
    );
    const events: NewChangeEvent[] = [];
    for (const person of restored)
      for (const link of person.links) {
        const was = now.find((p) => p.links.some((l) => l.recordId === link.recordId));
        if (was && was.id !== person.id)
          events.push(
            {
              type: 'unlinked',
              personId: was.id,
              recordId: link.recordId,
              payload: { undoOf: operation.id },
            },
            {
              type: 'linked',
              personId: person.id,
              recordId: link.recordId,
              payload: { undoOf: operation.id },
            },
          );
      }
    if (operation.kind === 'merge')
      events.push({
        type: 'reactivated',
        personId: operation.otherPersonId,
        recordId: null,
        payload: { undoOf: operation.id, formerSuccessorId: operation.personId },
      });
    else
      events.push({
        type: 'retired',
        personId: operation.otherPersonId,
        recordId: null,
        payload: { undoOf: operation.id, successorId: operation.personId },
      });
    await appendAudit(manager, actor, [
      {
        action: `person.${operation.kind}-undone`,
        personIds: operation.personIds,
        recordIds: operation.recordIds,
        reason,
        before: { operationId: operation.id, persons: now },
        after: { operationId: operation.id, persons: restored },
      },
    ]);
    await appendChangeEvents(manager, events);
    return operation;
  }
}
