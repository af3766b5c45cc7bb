import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';

/** The demographic fields of CONTRACT §2 in camelCase, as REST bodies carry them. */
export class DemographicsDto {
  @ApiPropertyOptional({
    description: 'as sent: spaces or dashes allowed; one that fails Modulus 11 is stored and flagged',
    maxLength: 200,
    example: '943 476 5919',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  nhsNumber?: string;
  @ApiPropertyOptional({ maxLength: 200, example: 'Smith' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  familyName?: string;
  @ApiPropertyOptional({ maxLength: 200, example: 'Jane' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  givenName?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  otherGivenNames?: string;
  @ApiPropertyOptional({
    description: 'YYYY-MM-DD, YYYYMMDD or DD/MM/YYYY; an impossible date is stored as missing and flagged',
    maxLength: 200,
    example: '1980-02-01',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  dateOfBirth?: string;
  @ApiPropertyOptional({
    description: 'M F O U, 1 2 9 X 0, or male female other unknown',
    maxLength: 200,
    example: 'F',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  sex?: string;
  @ApiPropertyOptional({ maxLength: 200, example: 'LS1 4AP' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  postcode?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  addressLine?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  phone?: string;
  @ApiPropertyOptional({ maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  email?: string;
}
