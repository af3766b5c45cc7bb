import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DemographicsDto } from '../common/dto/demographics.dto';

/** POST /api/v1/match: demographics only (CONTRACT §4); nothing is written but the audit. */
export class MatchRequestDto extends DemographicsDto {
  /** Most candidates to return (1–100, default 10). */
  @ApiPropertyOptional({ description: 'most candidates to return', minimum: 1, maximum: 100, default: 10 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  count?: number;

  @ApiPropertyOptional({ description: 'only candidates graded certain' })
  @IsOptional()
  @IsBoolean()
  onlyCertainMatches?: boolean;
}
