import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonTimeline } from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor, ALL_ROLES } from '../common/access.decorator';
import { PersonReads } from '../common/person-reads';
import { Person } from '../persons/person.models';
import { toLinkHistory, toOperation } from './steward.mapper';
import { LinkHistoryEntry, StewardOperation } from './steward.models';
import { SENIOR_STEWARDS } from './steward-roles';

@Resolver(() => Person)
export class PersonHistoryResolver {
  constructor(
    private readonly timeline: PersonTimeline,
    private readonly reads: PersonReads,
  ) {}

  @ResolveField(() => [LinkHistoryEntry], { description: 'Every link the person has had, newest first.' })
  @Access({ roles: ALL_ROLES })
  async linkHistory(@Parent() person: Person, @Actor() actor: AuditActor): Promise<LinkHistoryEntry[]> {
    const [links] = await Promise.all([
      this.timeline.links(person.id),
      this.reads.viewed(actor, [person.id], 'Person.linkHistory'),
    ]);
    return links.map(toLinkHistory);
  }

  @ResolveField(() => [StewardOperation], { description: 'Merges and splits that touched the person.' })
  @Access({ roles: ALL_ROLES })
  async operations(@Parent() person: Person, @Actor() actor: AuditActor): Promise<StewardOperation[]> {
    const [operations] = await Promise.all([
      this.timeline.operations(person.id),
      this.reads.viewed(actor, [person.id], 'Person.operations'),
    ]);
    return operations.map(toOperation);
  }

  @Query(() => StewardOperation, { nullable: true, description: 'One merge or split, whatever its status.' })
  @Access({ roles: ALL_ROLES })
  async stewardOperation(@Args('id', { type: () => ID }) id: string): Promise<StewardOperation | null> {
    const operation = await this.timeline.operation(id);
    return operation ? toOperation(operation) : null;
  }

  @Query(() => [StewardOperation], { description: 'Merges waiting for a second steward.' })
  @Access({ roles: SENIOR_STEWARDS })
  async pendingApprovals(): Promise<StewardOperation[]> {
    return (await this.timeline.pendingApprovals()).map(toOperation);
  }
}
