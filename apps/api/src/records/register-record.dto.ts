import { IsOptional, IsString, MaxLength } from 'class-validator';
import { DemographicsDto } from '../common/dto/demographics.dto';

/** POST /api/v1/records: the record CSV's fields in camelCase (CONTRACT §2, §4). */
export class RegisterRecordDto extends DemographicsDto {
  @IsOptional() @IsString() @MaxLength(64) sourceSystem?: string;
  @IsString() @MaxLength(64) localId!: string;
}
