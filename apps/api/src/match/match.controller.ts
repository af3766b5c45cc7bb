import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation } from '@nestjs/swagger';
import { MatchService } from '@concord/services';
import { Access, Actor, ALL_ROLES } from '../common/access.decorator';
import type { AuditActor } from '@concord/services';
import { MatchRequestDto } from './match-request.dto';

@ApiBearerAuth()
@Controller('api/v1/match')
export class MatchController {
  constructor(private readonly matcher: MatchService) {}

  /** Ranked candidate persons for demographics, each with grade and per-field explanation. */
  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Candidate persons for demographics; writes nothing',
    description:
      'Answers { candidates: [ { personId, score, matchProbability, grade: certain | probable | possible, explanation, golden } ] }. API key scope `match`, or any user.',
  })
  @Access({ scopes: ['match'], roles: ALL_ROLES })
  async match(@Body() body: MatchRequestDto, @Actor() actor: AuditActor) {
    const { count, onlyCertainMatches, ...demographics } = body;
    const candidates = await this.matcher.match(
      demographics,
      { count, onlyCertain: onlyCertainMatches },
      actor,
    );
    return {
      candidates: candidates.map((c) => ({
        personId: c.personId,
        score: c.score,
        matchProbability: c.matchProbability,
        grade: c.grade,
        explanation: c.explanation,
        golden: c.person.golden,
      })),
    };
  }
}
