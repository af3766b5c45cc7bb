import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { invalid, MatchService, StewardQueues, TaskComparisons } from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';
import { PersonReads } from '../common/person-reads';
import { toPerson, toSourceRecord } from '../persons/person.mapper';
import { Person, SourceRecord } from '../persons/person.models';
import { StewardLoaders } from './steward.loaders';
import { toComparison, toReviewTask } from './steward.mapper';
import {
  PersonSearchInput,
  QueueCount,
  ReviewTask,
  SearchResult,
  TaskComparison,
  TaskConnection,
  TaskFilterInput,
  TaskQueue,
  TaskSort,
} from './steward.models';
import { QUEUE_READERS, STEWARDS } from './steward-roles';

@Resolver(() => ReviewTask)
export class QueuesResolver {
  constructor(
    private readonly queues: StewardQueues,
    private readonly comparisons: TaskComparisons,
    private readonly match: MatchService,
    private readonly loaders: StewardLoaders,
    private readonly reads: PersonReads,
  ) {}

  @Query(() => [QueueCount], { description: 'Open, claimed, waiting and deferred tasks per queue.' })
  @Access({ roles: QUEUE_READERS })
  async queueCounts(): Promise<QueueCount[]> {
    return (await this.queues.counts()).map((c) => ({ ...c, queue: c.queue as TaskQueue }));
  }

  @Query(() => TaskConnection)
  @Access({ roles: QUEUE_READERS })
  async tasks(
    @Args('filter', { type: () => TaskFilterInput, nullable: true }) filter: TaskFilterInput | null,
    @Args('sort', { type: () => TaskSort, nullable: true, defaultValue: TaskSort.PRIORITY }) sort: TaskSort,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Actor() actor: AuditActor,
  ): Promise<TaskConnection> {
    const { mine, ...rest } = filter ?? {};
    if (mine && rest.assignee && rest.assignee !== actor.name)
      throw invalid('filter', 'give either mine or assignee, not both');
    const page = await this.queues.page({
      filter: mine ? { ...rest, assignee: actor.name, assigneeId: actor.id ?? null } : rest,
      sort,
      first: first ?? 50,
      after,
    });
    return {
      totalCount: page.totalCount,
      nodes: page.tasks.map(toReviewTask),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Query(() => [String], { description: 'Source systems of the tasks still to do (for filtering).' })
  @Access({ roles: QUEUE_READERS })
  async taskSourceSystems(): Promise<string[]> {
    return this.queues.sourceSystems();
  }

  @Query(() => ReviewTask)
  @Access({ roles: QUEUE_READERS })
  async task(@Args('id', { type: () => ID }) id: string): Promise<ReviewTask> {
    return toReviewTask(await this.queues.byId(id));
  }

  @Query(() => TaskComparison, { description: 'Both sides of a task with the per-field evidence (audited).' })
  @Access({ roles: STEWARDS })
  async taskComparison(
    @Args('id', { type: () => ID }) id: string,
    @Actor() actor: AuditActor,
  ): Promise<TaskComparison> {
    return toComparison(await this.comparisons.compare(id, actor));
  }

  @Query(() => [SearchResult], {
    description: 'Persons by NHS number, or fuzzily by name and date of birth.',
  })
  @Access({ roles: QUEUE_READERS })
  async searchPersons(
    @Args('input', { type: () => PersonSearchInput }) input: PersonSearchInput,
    @Actor() actor: AuditActor,
    @Args('count', { type: () => Int, nullable: true, defaultValue: 20 }) count: number,
  ): Promise<SearchResult[]> {
    const demographics = Object.fromEntries(
      Object.entries(input).filter(([, v]) => v !== null && v !== undefined && v !== ''),
    );
    const candidates = await this.match.match(demographics, { count: count ?? 20, search: true }, actor);
    return candidates.map((c) => ({
      person: toPerson(c.person),
      score: c.score,
      matchProbability: c.matchProbability,
      grade: c.grade,
    }));
  }

  @ResolveField(() => SourceRecord, { nullable: true, description: 'The record the task is about.' })
  @Access({ roles: QUEUE_READERS })
  async record(@Parent() task: ReviewTask, @Actor() actor: AuditActor): Promise<SourceRecord | null> {
    const view = await this.loaders.records.load(task.recordId);
    if (!view) return null;
    // The record's demographics are its person's data.
    await this.reads.viewed(actor, [view.link.personId], 'ReviewTask.record');
    return toSourceRecord(view);
  }

  @ResolveField(() => Person, { nullable: true, description: 'The person the record may belong to.' })
  @Access({ roles: QUEUE_READERS })
  async candidatePerson(@Parent() task: ReviewTask, @Actor() actor: AuditActor): Promise<Person | null> {
    if (!task.candidatePersonId) return null;
    const person = await this.loaders.persons.load(task.candidatePersonId);
    if (!person) return null;
    await this.reads.viewed(actor, [person.id], 'ReviewTask.candidatePerson');
    return toPerson(person);
  }
}
