import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery } from '@nestjs/swagger';
import { ChangeFeed, invalid } from '@concord/services';
import { Access, ALL_ROLES } from '../common/access.decorator';

@ApiBearerAuth()
@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly feed: ChangeFeed) {}

  /** The change feed (links, merges, splits, updates), oldest first, resumable from a cursor. */
  @Get()
  @ApiOperation({
    summary: 'The change feed: links, merges, splits and updates, oldest first',
    description:
      'Events (created, linked, unlinked, updated, merged, split, retired, reactivated) numbered gap-free (seq) once committed, in the order the sequencer finds them, so the changes of one person keep their order. Answers { events, cursor, hasMore }: pass cursor as after to resume. API key scope `links`, or any user.',
  })
  // Swagger lists query parameters in the reverse order of these decorators.
  @ApiQuery({ name: 'limit', required: false, description: 'events per page, 1–1000 (default 100)' })
  @ApiQuery({
    name: 'after',
    required: false,
    description: 'cursor of the previous page (0 = from the start)',
  })
  @Access({ scopes: ['links'], roles: ALL_ROLES })
  read(@Query() query: Record<string, unknown>) {
    for (const key of Object.keys(query)) {
      if (!['after', 'limit'].includes(key))
        throw invalid(key, 'is not a query parameter (use after and limit)');
      if (typeof query[key] !== 'string') throw invalid(key, 'must be given once');
    }
    const limit = query['limit'] === undefined ? 100 : Number(query['limit']);
    return this.feed.read(query['after'] as string | undefined, limit);
  }
}
