import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { AuditSearch, parseAuditFilter } from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';
import { AuditEventConnection, AuditEventFilterInput } from './audit-events.models';

@Resolver(() => AuditEventConnection)
export class AuditEventsResolver {
  constructor(private readonly search: AuditSearch) {}

  @Query(() => AuditEventConnection, { description: 'Ledger events for a filter, newest first (the read is audited)' })
  @Access({ roles: ['auditor', 'admin'] })
  async auditEvents(
    @Actor() actor: AuditActor,
    @Args('filter', { type: () => AuditEventFilterInput, nullable: true }) filter: AuditEventFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditEventConnection> {
    const parsed = parseAuditFilter({
      from: filter?.from ?? undefined,
      to: filter?.to ?? undefined,
      personId: filter?.personId?.trim() || undefined,
      actor: filter?.actor?.trim() || undefined,
      action: filter?.action?.trim() || undefined,
    });
    const page = await this.search.page(parsed, { first: first ?? 50, after }, actor);
    return {
      nodes: page.nodes.map((e) => ({ ...e, occurredAt: e.occurredAt.toISOString() })),
      pageInfo: { endCursor: page.endCursor, hasNextPage: page.hasNextPage },
    };
  }
}
