import { IsOptional, IsString, MaxLength } from 'class-validator';

/** POST /api/v1/records: the record CSV's fields in camelCase (CONTRACT §2, §4). */
export class RegisterRecordDto {
  @IsOptional() @IsString() @MaxLength(64) sourceSystem?: string;
  @IsString() @MaxLength(64) localId!: string;
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
