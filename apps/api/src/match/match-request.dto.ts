import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { DemographicsDto } from '../common/dto/demographics.dto';

/** POST /api/v1/match: demographics only (CONTRACT §4); nothing is written but the audit. */
export class MatchRequestDto extends DemographicsDto {
  /** Most candidates to return (1–100, default 10). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) count?: number;
  @IsOptional() @IsBoolean() onlyCertainMatches?: boolean;
}
