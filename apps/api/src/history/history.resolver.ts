import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { parseInstant, PersonHistoryService } from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';
import { toPersonAtTime } from './history.mapper';
import { PersonAtTime } from './history.models';

@Resolver(() => PersonAtTime)
export class HistoryResolver {
  constructor(private readonly history: PersonHistoryService) {}

  /** Time travel: the person's records at an instant, with the evidence and ledger events behind each link. */
  @Query(() => PersonAtTime, {
    description: 'What the link table said about a person at an instant (ISO 8601 with a zone), and why',
  })
  @Access({ roles: ['steward', 'senior-steward', 'auditor', 'admin'] })
  async personAt(
    @Args('id', { type: () => ID }) id: string,
    @Args('at', { type: () => String }) at: string,
    @Actor() actor: AuditActor,
  ): Promise<PersonAtTime> {
    return toPersonAtTime(await this.history.personAt(id, parseInstant('at', at), actor));
  }
}
