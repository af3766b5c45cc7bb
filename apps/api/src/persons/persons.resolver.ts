import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonsQuery } from '@concord/services';
import type { Principal } from '@concord/services';
import { Access, ALL_ROLES, CurrentPrincipal } from '../common/access.decorator';
import { toPerson, toSourceRecord } from './person.mapper';
import { CurrentUser, Person, PersonConnection, SourceRecord } from './person.models';
import { PersonRecordsLoader } from './person-records.loader';

@Resolver(() => Person)
export class PersonsResolver {
  constructor(
    private readonly personsQuery: PersonsQuery,
    private readonly recordsLoader: PersonRecordsLoader,
  ) {}

  @Query(() => CurrentUser)
  @Access({ roles: ALL_ROLES })
  me(@CurrentPrincipal() principal: Principal): CurrentUser {
    return { username: principal.name, role: principal.kind === 'user' ? principal.role : 'api-key' };
  }

  @Query(() => PersonConnection)
  @Access({ roles: ALL_ROLES })
  async persons(
    @Args('first', { type: () => Int, nullable: true, defaultValue: 25 }) first: number | null,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
  ): Promise<PersonConnection> {
    const page = await this.personsQuery.page({ first: first ?? 25, after, search });
    return {
      totalCount: page.totalCount,
      nodes: page.persons.map(toPerson),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Query(() => Person, { nullable: true })
  @Access({ roles: ALL_ROLES })
  async person(@Args('id', { type: () => ID }) id: string): Promise<Person | null> {
    const entity = await this.personsQuery.byId(id);
    return entity ? toPerson(entity) : null;
  }

  @ResolveField(() => [SourceRecord])
  @Access({ roles: ALL_ROLES })
  async records(@Parent() person: Person): Promise<SourceRecord[]> {
    return (await this.recordsLoader.load(person.id)).map(toSourceRecord);
  }
}
