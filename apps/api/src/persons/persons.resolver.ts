import { Args, ID, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { PersonsQuery } from '@concord/services';
import type { AuditActor, Principal } from '@concord/services';
import { Access, Actor, ALL_ROLES, CurrentPrincipal } from '../common/access.decorator';
import { PersonReads } from '../common/person-reads';
import { toPerson, toSourceRecord } from './person.mapper';
import { CurrentUser, Person, PersonConnection, SourceRecord } from './person.models';
import { PersonRecordsLoader } from './person-records.loader';

@Resolver(() => Person)
export class PersonsResolver {
  constructor(
    private readonly personsQuery: PersonsQuery,
    private readonly recordsLoader: PersonRecordsLoader,
    private readonly reads: PersonReads,
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
    @Actor() actor: AuditActor,
  ): Promise<PersonConnection> {
    const page = await this.personsQuery.page({ first: first ?? 25, after, search });
    // Each person listed is shown (golden demographics): an audited read.
    await this.reads.viewed(
      actor,
      page.persons.map((p) => p.id),
      'persons',
    );
    return {
      totalCount: page.totalCount,
      nodes: page.persons.map(toPerson),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }

  @Query(() => Person, { nullable: true })
  @Access({ roles: ALL_ROLES })
  async person(
    @Args('id', { type: () => ID }) id: string,
    @Actor() actor: AuditActor,
  ): Promise<Person | null> {
    const entity = await this.personsQuery.byId(id);
    if (!entity) return null;
    await this.reads.viewed(actor, [entity.id], 'person');
    return toPerson(entity);
  }

  @ResolveField(() => [SourceRecord])
  @Access({ roles: ALL_ROLES })
  async records(@Parent() person: Person, @Actor() actor: AuditActor): Promise<SourceRecord[]> {
    const [records] = await Promise.all([
      this.recordsLoader.load(person.id),
      this.reads.viewed(actor, [person.id], 'Person.records'),
    ]);
    return records.map(toSourceRecord);
  }
}
