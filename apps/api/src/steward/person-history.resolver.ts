import { Args, ID, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonTimeline } from '@concord/services';
import { Access, ALL_ROLES } from '../common/access.decorator';
import { Person } from '../persons/person.models';
import { toLinkHistory, toOperation } from './steward.mapper';
import { LinkHistoryEntry, StewardOperation } from './steward.models';
import { SENIOR_STEWARDS } from './steward-roles';

@Resolver(() => Person)
export class PersonHistoryResolver {
  constructor(private readonly timeline: PersonTimeline) {}

  @ResolveField(() => [LinkHistoryEntry], { description: 'Every link the person has had, newest first.' })
  @Access({ roles: ALL_ROLES })
  async linkHistory(@Parent() person: Person): Promise<LinkHistoryEntry[]> {
    return (await this.timeline.links(person.id)).map(toLinkHistory);
  }

  @ResolveField(() => [StewardOperation], { description: 'Merges and splits that touched the person.' })
  @Access({ roles: ALL_ROLES })
  async operations(@Parent() person: Person): Promise<StewardOperation[]> {
    return (await this.timeline.operations(person.id)).map(toOperation);
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
