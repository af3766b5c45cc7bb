import { Args, ID, Int, Mutation, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { StewardDecisions } from '@concord/services';
import type { AuditActor, DecisionResult as ServiceDecision } from '@concord/services';
import { Access, Actor, ALL_ROLES } from '../common/access.decorator';
import { PersonReads } from '../common/person-reads';
import { toPerson } from '../persons/person.mapper';
import { Person } from '../persons/person.models';
import { StewardLoaders } from './steward.loaders';
import { toOperation, toReviewTask } from './steward.mapper';
import {
  DecisionResult,
  DeferTaskInput,
  OperationDecisionInput,
  ReviewTask,
  SplitPersonInput,
  StewardOperation,
  TaskDecisionInput,
  TaskQueue,
} from './steward.models';
import { QUEUE_READERS, SENIOR_STEWARDS, STEWARDS } from './steward-roles';

const toDecision = (d: ServiceDecision): DecisionResult => ({
  task: d.task ? toReviewTask(d.task) : null,
  operation: d.operation ? toOperation(d.operation) : null,
});

/**
 * Every steward action; each is one transaction with its audit and change events (in the
 * service). The fields of an operation that reach its persons and task live here too, so a
 * senior steward sees who a waiting merge would join (one query per page, not per row).
 */
@Resolver(() => StewardOperation)
export class DecisionsResolver {
  constructor(
    private readonly decisions: StewardDecisions,
    private readonly loaders: StewardLoaders,
    private readonly reads: PersonReads,
  ) {}

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Merge: the survivor. Split: the person the records left.',
  })
  @Access({ roles: ALL_ROLES })
  async person(@Parent() operation: StewardOperation, @Actor() actor: AuditActor): Promise<Person | null> {
    const person = await this.loaders.persons.load(operation.personId);
    if (!person) return null;
    await this.reads.viewed(actor, [person.id], 'StewardOperation.person');
    return toPerson(person);
  }

  @ResolveField(() => Person, {
    nullable: true,
    description: 'Merge: the retired person. Split: the new person.',
  })
  @Access({ roles: ALL_ROLES })
  async otherPerson(
    @Parent() operation: StewardOperation,
    @Actor() actor: AuditActor,
  ): Promise<Person | null> {
    if (!operation.otherPersonId) return null;
    const person = await this.loaders.persons.load(operation.otherPersonId);
    if (!person) return null;
    await this.reads.viewed(actor, [person.id], 'StewardOperation.otherPerson');
    return toPerson(person);
  }

  @ResolveField(() => ReviewTask, { nullable: true, description: 'The task the operation was decided from.' })
  @Access({ roles: QUEUE_READERS })
  async task(@Parent() operation: StewardOperation): Promise<ReviewTask | null> {
    const task = operation.taskId ? await this.loaders.tasks.load(operation.taskId) : null;
    return task ? toReviewTask(task) : null;
  }

  @Mutation(() => ReviewTask)
  @Access({ roles: STEWARDS })
  async claimTask(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('version', { type: () => Int, nullable: true }) version: number | null,
    @Actor() actor: AuditActor,
  ): Promise<ReviewTask> {
    return toReviewTask(await this.decisions.claim(taskId, version ?? null, actor));
  }

  @Mutation(() => ReviewTask, {
    nullable: true,
    description: 'Claims the most urgent open task (of a queue).',
  })
  @Access({ roles: STEWARDS })
  async claimNextTask(
    @Args('queue', { type: () => TaskQueue, nullable: true }) queue: TaskQueue | null,
    @Actor() actor: AuditActor,
  ): Promise<ReviewTask | null> {
    const task = await this.decisions.claimNext(queue ?? null, actor);
    return task ? toReviewTask(task) : null;
  }

  @Mutation(() => ReviewTask)
  @Access({ roles: STEWARDS })
  async releaseTask(
    @Args('taskId', { type: () => ID }) taskId: string,
    @Args('version', { type: () => Int }) version: number,
    @Actor() actor: AuditActor,
  ): Promise<ReviewTask> {
    return toReviewTask(await this.decisions.release({ taskId, version }, actor));
  }

  @Mutation(() => DecisionResult, {
    description: 'Same person: merge (or hold the merge for four-eyes approval).',
  })
  @Access({ roles: STEWARDS })
  async decideSamePerson(
    @Args('input', { type: () => TaskDecisionInput }) input: TaskDecisionInput,
    @Actor() actor: AuditActor,
  ): Promise<DecisionResult> {
    return toDecision(await this.decisions.samePerson(input, actor));
  }

  @Mutation(() => DecisionResult, {
    description: 'Not the same person: remembered; never proposed or linked again.',
  })
  @Access({ roles: STEWARDS })
  async decideNotSamePerson(
    @Args('input', { type: () => TaskDecisionInput }) input: TaskDecisionInput,
    @Actor() actor: AuditActor,
  ): Promise<DecisionResult> {
    return toDecision(await this.decisions.notSamePerson(input, actor));
  }

  @Mutation(() => ReviewTask)
  @Access({ roles: STEWARDS })
  async deferTask(
    @Args('input', { type: () => DeferTaskInput }) input: DeferTaskInput,
    @Actor() actor: AuditActor,
  ): Promise<ReviewTask> {
    return toReviewTask(await this.decisions.defer(input, actor));
  }

  @Mutation(() => ReviewTask, { description: 'Closes a tracing task (traced outside Concord).' })
  @Access({ roles: STEWARDS })
  async resolveTrace(
    @Args('input', { type: () => TaskDecisionInput }) input: TaskDecisionInput,
    @Actor() actor: AuditActor,
  ): Promise<ReviewTask> {
    return toReviewTask(await this.decisions.resolveTrace(input, actor));
  }

  @Mutation(() => StewardOperation)
  @Access({ roles: STEWARDS })
  async splitPerson(
    @Args('input', { type: () => SplitPersonInput }) input: SplitPersonInput,
    @Actor() actor: AuditActor,
  ): Promise<StewardOperation> {
    return toOperation(await this.decisions.split(input, actor));
  }

  @Mutation(() => StewardOperation, { description: 'Restores the exact state before a merge or split.' })
  @Access({ roles: SENIOR_STEWARDS })
  async undoOperation(
    @Args('input', { type: () => OperationDecisionInput }) input: OperationDecisionInput,
    @Actor() actor: AuditActor,
  ): Promise<StewardOperation> {
    return toOperation(await this.decisions.undo(input, actor));
  }

  @Mutation(() => DecisionResult)
  @Access({ roles: SENIOR_STEWARDS })
  async approveOperation(
    @Args('input', { type: () => OperationDecisionInput }) input: OperationDecisionInput,
    @Actor() actor: AuditActor,
  ): Promise<DecisionResult> {
    return toDecision(await this.decisions.approve(input, actor));
  }

  @Mutation(() => DecisionResult)
  @Access({ roles: SENIOR_STEWARDS })
  async rejectOperation(
    @Args('input', { type: () => OperationDecisionInput }) input: OperationDecisionInput,
    @Actor() actor: AuditActor,
  ): Promise<DecisionResult> {
    return toDecision(await this.decisions.reject(input, actor));
  }
}
