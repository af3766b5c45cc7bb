import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** POST /api/v1/match: demographics only (CONTRACT §4); nothing is written. */
export class MatchRequestDto {
  @IsOptional() @IsString() @MaxLength(200) nhsNumber?: string;
  @IsOptional() @IsString() @MaxLength(200) familyName?: string;
  @IsOptional() @IsString() @MaxLength(200) givenName?: string;
  @IsOptional() @IsString() @MaxLength(200) otherGivenNames?: string;
  @IsOptional() @IsString() @MaxLength(200) dateOfBirth?: string;
  @IsOptional() @IsString() @MaxLength(200) sex?: string;
  @IsOptional() @IsString() @MaxLength(200) postcode?: string;
  @IsOptional() @IsString() @MaxLength(200) addressLine?: string;
  @IsOptional() @IsString() @MaxLength(200) phone?: string;
  @IsOptional() @IsString() @MaxLength(200) email?: string;
  /** Most candidates to return (1–100, default 10). */
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100) count?: number;
  @IsOptional() @IsBoolean() onlyCertainMatches?: boolean;
}
