import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { LinksService } from '@concord/services';
import { invalid } from '@concord/services';
import { Access, Actor, ALL_ROLES } from '../common/access.decorator';
import type { AuditActor } from '@concord/services';

@ApiBearerAuth()
@Controller('api/v1/links')
export class LinksController {
  constructor(private readonly links: LinksService) {}

  /** The person and every linked (system, localId) and NHS number; retired ids answer with their successor. */
  @Get()
  @ApiOperation({
    summary: 'The person a source record, an NHS number or a person id belongs to',
    description:
      'Give system and localId, or nhsNumber, or personId. Answers the person, its linked (system, localId) pairs and NHS numbers; a retired person id answers with its successor (requestedPersonId names the id asked for); nhsNumber also lists every person holding it (persons). API key scope `links`, or any user.',
  })
  // Swagger lists query parameters in the reverse order of these decorators.
  @ApiQuery({ name: 'personId', required: false, description: 'a person id (UUID)' })
  @ApiQuery({ name: 'nhsNumber', required: false, description: '10 digits, spaces and dashes allowed' })
  @ApiQuery({ name: 'localId', required: false, description: "that system's patient id, with system" })
  @ApiQuery({ name: 'system', required: false, description: 'source system, with localId' })
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
