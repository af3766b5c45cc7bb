import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DemographicsDto } from '../common/dto/demographics.dto';

/** POST /api/v1/records: the record CSV's fields in camelCase (CONTRACT §2, §4). */
export class RegisterRecordDto extends DemographicsDto {
  @ApiPropertyOptional({
    description: 'sending system; empty = default',
    maxLength: 64,
    example: 'RIS-LEEDS',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  sourceSystem?: string;

  @ApiProperty({
    description:
      "that system's patient id (MRN); with sourceSystem it identifies the registration: a later request for the same pair is an update",
    maxLength: 64,
    example: 'A1',
  })
  @IsString()
  @MaxLength(64)
  localId!: string;
}
