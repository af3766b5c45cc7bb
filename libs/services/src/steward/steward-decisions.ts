import { DataSource, EntityManager } from 'typeorm';
import {
  ReviewResolution,
  ReviewTaskEntity,
  ReviewTaskStatus,
  StewardOperationEntity,
} from '@concord/persistence';
import { appendAudit, AuditActor } from '../audit/audit-log';
import { conflict, forbidden, invalid, notFound } from '../errors/service-error';
import { keepApart } from './kept-apart';
import { currentRecords, FourEyesRule, fourEyesReason, PersonOperations } from './person-operations';
import { lockActivePerson, lockPersons } from './person-locks';
import { QUEUES, withEffectiveStatus } from './task-queries';
import { inTransaction } from '../errors/transactions';
import { heldBy, holds, NOBODY, sameRequester } from './actor-identity';

export interface StewardOptions {
  /** How long a claim holds a task before another steward may take it. */
  leaseMinutes: number;
  /** Which merges need a second steward's approval. */
  fourEyes: FourEyesRule;
}

export interface TaskRef {
  taskId: string;
  /** The version the steward saw; a task changed since answers CONFLICT. */
  version: number;
}

export interface DecisionResult {
  task: ReviewTaskEntity;
  operation: StewardOperationEntity | null;
}

const MAX_TEXT = 2000;

/**
 * Every steward action, one transaction each, with its audit event and change events in
 * that transaction. Claims are leases; every write checks the task's version, so two
 * stewards acting on one task at once get exactly one success and one CONFLICT.
 */
export class StewardDecisions {
  private readonly operations = new PersonOperations();

  constructor(
    private readonly dataSource: DataSource,
    private readonly options: StewardOptions,
  ) {}

  async claim(taskId: string, version: number | null, actor: AuditActor): Promise<ReviewTaskEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const task = await this.lockTask(manager, taskId, version);
      this.assertWorkable(task, actor);
      return this.claimLocked(manager, task, actor);
    });
  }

  /** Claims the most urgent workable task of a queue (or of all queues). */
  async claimNext(queue: string | null, actor: AuditActor): Promise<ReviewTaskEntity | null> {
    if (queue && !QUEUES.includes(queue as never))
      throw invalid('queue', `must be one of ${QUEUES.join(', ')}`);
    return inTransaction(this.dataSource, async (manager) => {
      // SKIP LOCKED: two stewards pressing "next" at once get two different tasks.
      const rows: Array<{ id: string }> = await manager.query(
        `SELECT t.id FROM review_task t
          WHERE (t.status = 'open' OR (t.status = 'claimed' AND t.lease_until < now()))
            AND ($1::text IS NULL OR t.type = $1)
          ORDER BY t.priority DESC, t.created_at, t.id
          LIMIT 1 FOR UPDATE SKIP LOCKED`,
        [queue],
      );
      if (rows.length === 0) return null;
      const task = await this.lockTask(manager, rows[0].id, null);
      return this.claimLocked(manager, task, actor);
    });
  }

  async release(ref: TaskRef, actor: AuditActor): Promise<ReviewTaskEntity> {
    return inTransaction(this.dataSource, async (manager) => {
      const task = await this.lockTask(manager, ref.taskId, ref.version);
      if (task.status !== 'claimed' || !holds(task, actor))
        throw conflict(`task ${task.id} is not claimed by you`);
      const saved = await this.saveTask(manager, task, { status: 'open', ...NOBODY, leaseUntil: null });
      await this.auditTask(manager, actor, saved, 'task.released', null);
      return saved;
    });
  }

  /** Same person: link the record's person and the candidate by merging them. */
  async samePerson(
    ref: TaskRef & { reason: string; survivorPersonId?: string | null },
    actor: AuditActor,
  ): Promise<DecisionResult> {
    const reason = requiredText('reason', ref.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const { task, recordPerson, candidate } = await this.lockForDecision(
        manager,
        ref,
        actor,
        'a tracing task has no candidate person; resolve it as traced',
      );
      if (recordPerson === candidate) {
        const saved = await this.resolve(
          manager,
          task,
          'same-person',
          reason,
          actor,
          'already the same person',
        );
        return { task: saved, operation: null };
      }
      const survivorId = ref.survivorPersonId ?? candidate;
      if (survivorId !== candidate && survivorId !== recordPerson)
        throw invalid('survivorPersonId', 'must be one of the two persons being merged');
      const retiredId = survivorId === candidate ? recordPerson : candidate;
      const pendingReason = await fourEyesReason(manager, this.options.fourEyes, survivorId, retiredId);
      const operation = await this.operations.requestMerge(
        manager,
        { survivorId, retiredId, reason, taskId: task.id, pendingReason },
        actor,
      );
      if (operation.status === 'pending-approval') {
        const saved = await this.saveTask(manager, task, {
          status: 'pending-approval',
          ...heldBy(actor),
          leaseUntil: null,
          reason,
        });
        return { task: saved, operation };
      }
      return { task: await this.resolve(manager, task, 'same-person', reason, actor), operation };
    });
  }

  /** Not the same person: remembered, so the pair is not proposed or linked again. */
  async notSamePerson(ref: TaskRef & { reason: string }, actor: AuditActor): Promise<DecisionResult> {
    const reason = requiredText('reason', ref.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const { task, recordPerson, candidate } = await this.lockForDecision(
        manager,
        ref,
        actor,
        'a tracing task has no candidate person',
      );
      if (recordPerson === candidate)
        throw conflict('the record is already linked to that person; split it off the person instead');
      const records = await currentRecords(manager, [recordPerson, candidate]);
      const own = records.filter((r) => r.id === task.recordId);
      await keepApart(
        manager,
        own,
        records.filter((r) => r.personId === candidate),
        {
          reason,
          decidedBy: actor.name,
          operationId: task.id,
        },
      );
      return { task: await this.resolve(manager, task, 'not-same-person', reason, actor), operation: null };
    });
  }

  async defer(ref: TaskRef & { note: string }, actor: AuditActor): Promise<ReviewTaskEntity> {
    const note = requiredText('note', ref.note);
    return inTransaction(this.dataSource, async (manager) => {
      const task = await this.lockTask(manager, ref.taskId, ref.version);
      this.assertWorkable(task, actor);
      const saved = await this.saveTask(manager, task, {
        status: 'deferred',
        ...NOBODY,
        leaseUntil: null,
        note,
      });
      await this.auditTask(manager, actor, saved, 'task.deferred', note);
      return saved;
    });
  }

  /** A tracing task closed: the number was traced (or found untraceable) outside Concord. */
  async resolveTrace(ref: TaskRef & { reason: string }, actor: AuditActor): Promise<ReviewTaskEntity> {
    const reason = requiredText('reason', ref.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const task = await this.lockTask(manager, ref.taskId, ref.version);
      this.assertWorkable(task, actor);
      if (task.type !== 'nhs-trace') throw invalid('taskId', 'only a tracing task can be resolved as traced');
      return this.resolve(manager, task, 'traced', reason, actor);
    });
  }

  async split(
    request: { personId: string; recordIds: string[]; reason: string },
    actor: AuditActor,
  ): Promise<StewardOperationEntity> {
    const reason = requiredText('reason', request.reason);
    if (!/^[0-9a-f-]{36}$/i.test(request.personId)) throw invalid('personId', 'must be a UUID');
    for (const id of request.recordIds)
      if (!/^[0-9a-f-]{36}$/i.test(id)) throw invalid('recordIds', `${JSON.stringify(id)} is not a UUID`);
    return inTransaction(this.dataSource, (manager) =>
      this.operations.split(
        manager,
        { personId: request.personId, recordIds: request.recordIds, reason },
        actor,
      ),
    );
  }

  async undo(
    request: { operationId: string; reason: string },
    actor: AuditActor,
  ): Promise<StewardOperationEntity> {
    const reason = requiredText('reason', request.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const operation = await this.lockOperation(manager, request.operationId);
      return this.operations.undo(manager, operation, reason, actor);
    });
  }

  /** The second steward of a four-eyes merge approves it: the merge takes effect now. */
  async approve(
    request: { operationId: string; reason: string },
    actor: AuditActor,
  ): Promise<DecisionResult> {
    const reason = requiredText('reason', request.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const operation = await this.lockOperation(manager, request.operationId);
      if (operation.status !== 'pending-approval')
        throw conflict(`operation ${operation.id} is ${operation.status}, not waiting for approval`);
      if (sameRequester(operation, actor))
        throw forbidden('four-eyes rule: a second steward must approve a merge you asked for');
      const applied = await this.operations.applyMerge(manager, operation, actor);
      await appendAudit(manager, actor, [
        {
          action: 'person.merge-approved',
          personIds: operation.personIds,
          reason,
          after: { operationId: operation.id, requestedBy: operation.requestedBy },
        },
      ]);
      let task: ReviewTaskEntity | null = null;
      if (operation.taskId) {
        const locked = await this.lockTask(manager, operation.taskId, null);
        // The task records the steward who decided it; the ledger, the approver who acted now.
        task = await this.resolve(manager, locked, 'same-person', operation.reason, actor, null, {
          resolvedBy: operation.requestedBy,
        });
      }
      return { task: task as ReviewTaskEntity, operation: applied };
    });
  }

  async reject(request: { operationId: string; reason: string }, actor: AuditActor): Promise<DecisionResult> {
    const reason = requiredText('reason', request.reason);
    return inTransaction(this.dataSource, async (manager) => {
      const operation = await this.lockOperation(manager, request.operationId);
      if (operation.status !== 'pending-approval')
        throw conflict(`operation ${operation.id} is ${operation.status}, not waiting for approval`);
      Object.assign(operation, {
        status: 'rejected',
        decidedBy: actor.name,
        decidedAt: new Date(),
        version: operation.version + 1,
      });
      await manager.getRepository(StewardOperationEntity).save(operation);
      await appendAudit(manager, actor, [
        {
          action: 'person.merge-rejected',
          personIds: operation.personIds,
          reason,
          after: { operationId: operation.id },
        },
      ]);
      let task: ReviewTaskEntity | null = null;
      if (operation.taskId) {
        // While the merge waited, another one may have made the task's record and candidate
        // one person (the pair's opposite task, approved first): there is nothing left to
        // decide, so the task is closed as superseded instead of coming back to the queue.
        const seen = await manager.getRepository(ReviewTaskEntity).findOneBy({ id: operation.taskId });
        const sides = seen?.candidatePersonId
          ? await this.lockBothSides(manager, seen.recordId, seen.candidatePersonId)
          : null;
        const locked = await this.lockTask(manager, operation.taskId, null);
        task =
          sides && sides[0] === sides[1]
            ? await this.resolve(
                manager,
                locked,
                'superseded',
                'record and candidate were merged meanwhile',
                actor,
              )
            : await this.saveTask(manager, locked, { status: 'open', ...NOBODY, leaseUntil: null });
      }
      return { task: task as ReviewTaskEntity, operation };
    });
  }

  private async claimLocked(manager: EntityManager, task: ReviewTaskEntity, actor: AuditActor) {
    const leaseUntil = new Date(Date.now() + this.options.leaseMinutes * 60_000);
    const saved = await this.saveTask(manager, task, { status: 'claimed', ...heldBy(actor), leaseUntil });
    await this.auditTask(manager, actor, saved, 'task.claimed', null);
    return saved;
  }

  private async lockTask(
    manager: EntityManager,
    taskId: string,
    version: number | null,
  ): Promise<ReviewTaskEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(taskId)) throw invalid('taskId', 'must be a UUID');
    const task = await manager
      .getRepository(ReviewTaskEntity)
      .createQueryBuilder('t')
      .setLock('pessimistic_write')
      .where('t.id = :taskId', { taskId })
      .getOne();
    if (!task) throw notFound(`review task ${taskId} not found`);
    if (version !== null && task.version !== version)
      throw conflict(
        `task ${taskId} was changed by someone else since you loaded it (version ${task.version}, yours ${version}); reload it`,
      );
    return withEffectiveStatus(task);
  }

  private async lockOperation(manager: EntityManager, operationId: string): Promise<StewardOperationEntity> {
    if (!/^[0-9a-f-]{36}$/i.test(operationId)) throw invalid('operationId', 'must be a UUID');
    const operation = await manager
      .getRepository(StewardOperationEntity)
      .createQueryBuilder('o')
      .setLock('pessimistic_write')
      .where('o.id = :operationId', { operationId })
      .getOne();
    if (!operation) throw notFound(`operation ${operationId} not found`);
    return operation;
  }

  /** A task can be worked when it is open, deferred, or claimed by this steward. */
  private assertWorkable(task: ReviewTaskEntity, actor: AuditActor) {
    const status: ReviewTaskStatus = task.status;
    if (status === 'resolved') throw conflict(`task ${task.id} is already resolved (${task.resolution})`);
    if (status === 'pending-approval')
      throw conflict(`task ${task.id} is waiting for a second steward's approval`);
    if (status === 'claimed' && !holds(task, actor))
      throw conflict(
        `task ${task.id} is claimed by ${task.assignee} until ${task.leaseUntil?.toISOString()}; pick another task`,
      );
  }

  /**
   * Locks what a same/not-same decision changes: both persons first, then the task. The other
   * order deadlocks: a merge supersedes the pair's other open tasks, and a steward deciding one
   * of those holds its task while waiting for the persons.
   */
  private async lockForDecision(
    manager: EntityManager,
    ref: TaskRef,
    actor: AuditActor,
    noCandidate: string,
  ): Promise<{ task: ReviewTaskEntity; recordPerson: string; candidate: string }> {
    if (!/^[0-9a-f-]{36}$/i.test(ref.taskId)) throw invalid('taskId', 'must be a UUID');
    const seen = await manager.getRepository(ReviewTaskEntity).findOneBy({ id: ref.taskId });
    if (!seen) throw notFound(`review task ${ref.taskId} not found`);
    if (!seen.candidatePersonId) {
      this.assertWorkable(await this.lockTask(manager, ref.taskId, ref.version), actor);
      throw invalid('taskId', noCandidate);
    }
    const [recordPerson, candidate] = await this.lockBothSides(
      manager,
      seen.recordId,
      seen.candidatePersonId,
    );
    const task = await this.lockTask(manager, ref.taskId, ref.version);
    this.assertWorkable(task, actor);
    if (task.candidatePersonId !== seen.candidatePersonId)
      throw conflict(`task ${task.id} was changed by someone else meanwhile; reload it`);
    return { task, recordPerson, candidate };
  }

  /**
   * Locks the record's person and the candidate in id order (two stewards deciding the two
   * opposite tasks of one pair at once would otherwise each hold one and wait for the other:
   * a deadlock), then follows either to its active successor. The record's link is read again
   * under the locks: a merge or split that moved it meanwhile answers CONFLICT.
   */
  private async lockBothSides(
    manager: EntityManager,
    recordId: string,
    candidatePersonId: string,
  ): Promise<[string, string]> {
    const linked = await this.linkedPerson(manager, recordId);
    await lockPersons(manager, [linked, candidatePersonId]);
    const recordPerson = await lockActivePerson(manager, linked);
    const candidate = await lockActivePerson(manager, candidatePersonId);
    if ((await this.linkedPerson(manager, recordId)) !== linked)
      throw conflict(`record ${recordId} moved to another person meanwhile; reload the task`);
    return [recordPerson, candidate];
  }

  private async linkedPerson(manager: EntityManager, recordId: string): Promise<string> {
    const rows: Array<{ person_id: string }> = await manager.query(
      'SELECT person_id FROM link WHERE record_id = $1 AND ended_at IS NULL',
      [recordId],
    );
    if (rows.length === 0) throw notFound(`record ${recordId} has no current link`);
    return rows[0].person_id;
  }

  private async resolve(
    manager: EntityManager,
    task: ReviewTaskEntity,
    resolution: ReviewResolution,
    reason: string,
    actor: AuditActor,
    note: string | null = null,
    approval: { resolvedBy: string } | null = null,
  ): Promise<ReviewTaskEntity> {
    const saved = await this.saveTask(manager, task, {
      status: 'resolved',
      resolution,
      reason,
      note: note ?? task.note,
      resolvedAt: new Date(),
      resolvedBy: approval?.resolvedBy ?? actor.name,
      leaseUntil: null,
    });
    await this.auditTask(
      manager,
      actor,
      saved,
      'task.resolved',
      reason,
      approval ? { requestedBy: approval.resolvedBy } : {},
    );
    return saved;
  }

  private async saveTask(
    manager: EntityManager,
    task: ReviewTaskEntity,
    changes: Partial<ReviewTaskEntity>,
  ): Promise<ReviewTaskEntity> {
    const version = task.version + 1;
    await manager.update(ReviewTaskEntity, { id: task.id }, { ...changes, version });
    return Object.assign(task, changes, { version, updatedAt: new Date() });
  }

  private async auditTask(
    manager: EntityManager,
    actor: AuditActor,
    task: ReviewTaskEntity,
    action: string,
    reason: string | null,
    extra: object = {},
  ) {
    await appendAudit(manager, actor, [
      {
        action,
        personIds: task.candidatePersonId ? [task.candidatePersonId] : [],
        recordIds: [task.recordId],
        reason,
        after: {
          taskId: task.id,
          type: task.type,
          status: task.status,
          resolution: task.resolution ?? null,
          ...extra,
        },
        modelVersion: task.modelVersion || null,
      },
    ]);
  }
}

function requiredText(field: string, value: string | null | undefined): string {
  const text = (value ?? '').trim();
  if (!text) throw invalid(field, 'is required');
  if (text.length > MAX_TEXT) throw invalid(field, `must be at most ${MAX_TEXT} characters`);
  return text;
}
