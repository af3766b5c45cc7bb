import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { RegistrationService } from '@concord/services';
import type { AuditActor } from '@concord/services';
import { Access, Actor } from '../common/access.decorator';
import { RegisterRecordDto } from './register-record.dto';

@Controller('api/v1/records')
export class RecordsController {
  constructor(private readonly registration: RegistrationService) {}

  /** Register or update one source record; answers who it belongs to. */
  @Post()
  @HttpCode(200)
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
      flags: result.flags,
    };
  }
}
