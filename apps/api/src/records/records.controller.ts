import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { RegistrationService } from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';
import { RegisterRecordDto } from './register-record.dto';

@ApiBearerAuth()
@Controller('api/v1/records')
export class RecordsController {
  constructor(private readonly registration: RegistrationService) {}

  /** Register or update one source record; answers who it belongs to. */
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Register or update one source record',
    description:
      'Answers { personId, decision: linked | new | review, score, matchProbability, recordId, unchanged, updated, flags }. API key scope `register`, or an admin.',
  })
  @Access({ scopes: ['register'], roles: ['admin'] })
  async register(@Body() body: RegisterRecordDto, @Actor() actor: AuditActor) {
    const result = await this.registration.register(body, actor);
    return {
      personId: result.personId,
      decision: result.decision,
      score: result.score,
      matchProbability: result.matchProbability,
      recordId: result.recordId,
      unchanged: result.unchanged,
      updated: result.updated,
      flags: result.flags,
    };
  }
}
