import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { IsOptional, IsString, MaxLength } from 'class-validator';

@InputType({ description: 'Which ledger events to list; every field is optional' })
export class AuditEventFilterInput {
  @Field(() => String, { nullable: true, description: 'ISO 8601, inclusive' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO 8601, exclusive' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  to?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) personId?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. user:steward or api-key:RIS' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  actor?: string | null;
  @Field(() => String, { nullable: true, description: 'e.g. person.merged' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string | null;
}

@ObjectType({ description: 'An event of the audit ledger' })
export class AuditEventNode {
  @Field(() => ID) seq!: string;
  @Field() occurredAt!: string;
  @Field() actor!: string;
  @Field() actorRole!: string;
  @Field() action!: string;
  @Field(() => [String]) personIds!: string[];
  @Field(() => [String]) recordIds!: string[];
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) modelVersion!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@ObjectType()
export class AuditPageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType({ description: 'A page of ledger events, newest first' })
export class AuditEventConnection {
  @Field(() => [AuditEventNode]) nodes!: AuditEventNode[];
  @Field(() => AuditPageInfo) pageInfo!: AuditPageInfo;
}
