import { Controller, Get, Query } from '@nestjs/common';
import { ChangeFeed, invalid } from '@concord/services';
import { Access, ALL_ROLES } from '../common/access.decorator';

@Controller('api/v1/events')
export class EventsController {
  constructor(private readonly feed: ChangeFeed) {}

  /** The change feed (links, merges, splits, updates), oldest first, resumable from a cursor. */
  @Get()
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
