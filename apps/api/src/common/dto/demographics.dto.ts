import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The demographic fields of CONTRACT §2 in camelCase, as REST bodies carry them. */
export class DemographicsDto {
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
}
