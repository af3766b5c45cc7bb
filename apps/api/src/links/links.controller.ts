import { Controller, Get, Query } from '@nestjs/common';
import { LinksService } from '@concord/services';
import { invalid } from '@concord/services';
import { Access, Actor, ALL_ROLES } from '../common/access.decorator';
import type { AuditActor } from '@concord/services';

@Controller('api/v1/links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  /** The person and every linked (system, localId) and NHS number; retired ids answer with their successor. */
  @Get()
  @Access({ scopes: ['links'], roles: ALL_ROLES })
  async find(@Query() query: Record<string, unknown>, @Actor() actor: AuditActor) {
    const known = ['system', 'localId', 'nhsNumber', 'personId'];
    const unknown = Object.keys(query).filter((k) => !known.includes(k));
    if (unknown.length)
      throw invalid(unknown[0], `is not a query parameter (use system&localId, nhsNumber or personId)`);
    for (const [key, value] of Object.entries(query)) {
      if (typeof value !== 'string') throw invalid(key, 'must be given once, as text');
    }
    const { system, localId, nhsNumber, personId } = query as Record<string, string | undefined>;
    if (nhsNumber !== undefined) {
      const persons = await this.links.byNhsNumber(nhsNumber, actor);
      return { ...persons[0], persons };
    }
    if (personId !== undefined) return this.links.byPersonId(personId, actor);
    if (system === undefined && localId === undefined)
      throw invalid('system', 'give system and localId, or nhsNumber, or personId');
    return this.links.bySourceIdentifier(system ?? '', localId ?? '', actor);
  }
}
