import { Controller, Get, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import {
  appendAudit,
  AuditLedger,
  auditExportLines,
  invalid,
  parseAuditFilter,
  parseAuditFormat,
} from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';

const PARAMETERS = ['from', 'to', 'format', 'person', 'actor', 'action'];

@ApiBearerAuth()
@Controller('api/v1/audit')
export class AuditController {
  constructor(private readonly dataSource: DataSource) {}

  /** The ledger for a filter, streamed as CSV or NDJSON; the export itself is audited first. */
  @Get('export')
  @ApiOperation({
    summary: 'The audit ledger for a filter, streamed; the export is itself audited',
    description: 'Auditors and admins (a session token, not an API key).',
  })
  @ApiProduces('text/csv', 'application/x-ndjson')
  // Swagger lists query parameters in the reverse order of these decorators.
  @ApiQuery({ name: 'action', required: false, description: 'only events of this action' })
  @ApiQuery({ name: 'actor', required: false, description: 'only events of this actor' })
  @ApiQuery({ name: 'person', required: false, description: 'only events naming this person id' })
  @ApiQuery({ name: 'format', required: false, enum: ['csv', 'ndjson'], description: 'default ndjson' })
  @ApiQuery({ name: 'to', required: true, description: 'ISO 8601 date or time' })
  @ApiQuery({ name: 'from', required: true, description: 'ISO 8601 date or time' })
  @Access({ roles: ['auditor', 'admin'] })
  async export(
    @Query() query: Record<string, unknown>,
    @Actor() actor: AuditActor,
    @Res() res: Response,
  ): Promise<void> {
    for (const [key, value] of Object.entries(query)) {
      if (!PARAMETERS.includes(key)) throw invalid(key, `is not a parameter (use ${PARAMETERS.join(', ')})`);
      if (typeof value !== 'string') throw invalid(key, 'must be given once');
    }
    const q = query as Record<string, string | undefined>;
    const filter = parseAuditFilter({
      from: q['from'],
      to: q['to'],
      personId: q['person'],
      actor: q['actor'],
      action: q['action'],
    });
    const format = parseAuditFormat(q['format'] ?? 'ndjson');
    await this.dataSource.transaction((m) =>
      appendAudit(m, actor, [
        {
          action: 'audit.exported',
          // An export of one person's history is a read of that person's data: name them.
          personIds: filter.personId ? [filter.personId] : [],
          after: { ...filter, format },
        },
      ]),
    );
    res
      .status(200)
      .type(format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8');
    res.setHeader(
      'content-disposition',
      `attachment; filename="concord-audit.${format === 'csv' ? 'csv' : 'ndjson'}"`,
    );
    for await (const line of auditExportLines(new AuditLedger(this.dataSource), filter, format)) {
      if (!res.write(line)) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
  }
}
