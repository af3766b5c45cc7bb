import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEnum,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { PageInfo, Person, SourceRecord } from '../persons/person.models';

export enum TaskQueue {
  NHS_SHARED = 'nhs-shared',
  NHS_DUPLICATE = 'nhs-duplicate',
  POSSIBLE_DUPLICATE = 'possible-duplicate',
  NHS_TRACE = 'nhs-trace',
}
export enum TaskStatus {
  OPEN = 'open',
  CLAIMED = 'claimed',
  PENDING_APPROVAL = 'pending-approval',
  DEFERRED = 'deferred',
  RESOLVED = 'resolved',
}
export enum TaskSort {
  PRIORITY = 'priority',
  AGE = 'age',
}
registerEnumType(TaskQueue, {
  name: 'TaskQueue',
  description: 'Shared NHS number, two NHS numbers for one person, possible duplicate, number to trace.',
});
registerEnumType(TaskStatus, { name: 'TaskStatus' });
registerEnumType(TaskSort, { name: 'TaskSort' });

@ObjectType()
export class QueueCount {
  @Field(() => TaskQueue) queue!: TaskQueue;
  @Field(() => Int) open!: number;
  @Field(() => Int) claimed!: number;
  @Field(() => Int) pendingApproval!: number;
  @Field(() => Int) deferred!: number;
  @Field(() => Int, { description: 'Open tasks older than a day.' }) overdue!: number;
}

@ObjectType()
export class ReviewTask {
  @Field(() => ID) id!: string;
  @Field(() => TaskQueue) queue!: TaskQueue;
  @Field(() => TaskStatus) status!: TaskStatus;
  @Field(() => Int) priority!: number;
  @Field(() => Float) score!: number;
  @Field(() => Float) matchProbability!: number;
  @Field() modelVersion!: string;
  @Field(() => [String]) sourceSystems!: string[];
  @Field(() => ID) recordId!: string;
  @Field(() => ID, { nullable: true }) candidatePersonId!: string | null;
  @Field(() => String, { nullable: true }) assignee!: string | null;
  @Field(() => String, { nullable: true }) leaseUntil!: string | null;
  @Field(() => String, { nullable: true }) resolution!: string | null;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => String, { nullable: true }) resolvedAt!: string | null;
  @Field(() => String, { nullable: true }) resolvedBy!: string | null;
  @Field() createdAt!: string;
  @Field(() => Float, { description: 'Hours since the task was created.' }) ageHours!: number;
  @Field(() => Int, { description: 'Send it back with a decision: a task changed since answers CONFLICT.' })
  version!: number;
}

@ObjectType()
export class TaskConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [ReviewTask]) nodes!: ReviewTask[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class FieldComparison {
  @Field() field!: string;
  @Field() level!: string;
  @Field() label!: string;
  @Field(() => Float, { description: 'log2(m/u) bits this field adds (or takes away).' }) weight!: number;
  @Field(() => Float) m!: number;
  @Field(() => Float) u!: number;
  @Field(() => String, { nullable: true }) recordValue!: string | null;
  @Field(() => String, { nullable: true }) candidateValue!: string | null;
  @Field() termFrequencyAdjusted!: boolean;
}

@ObjectType()
export class SafetyRule {
  @Field() rule!: string;
  @Field() description!: string;
  @Field() effect!: string;
}

@ObjectType()
export class MatchExplanation {
  @Field(() => Float, { description: 'The prior in bits: the first bar of the waterfall.' }) prior!: number;
  @Field(() => Float) weight!: number;
  @Field(() => Float) probability!: number;
  @Field() decision!: string;
  @Field() grade!: string;
  @Field() modelVersion!: string;
  @Field(() => [FieldComparison]) comparisons!: FieldComparison[];
  @Field(() => [SafetyRule]) rules!: SafetyRule[];
}

@ObjectType()
export class StandardisedValues {
  @Field(() => String, { nullable: true }) nhsNumber!: string | null;
  @Field(() => String, { nullable: true }) familyName!: string | null;
  @Field(() => [String]) givenNames!: string[];
  @Field(() => String, { nullable: true }) dateOfBirth!: string | null;
  @Field() sex!: string;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => [String]) addressTokens!: string[];
  @Field(() => String, { nullable: true }) phone!: string | null;
}

@ObjectType()
export class ComparedRecord {
  @Field(() => SourceRecord) record!: SourceRecord;
  @Field(() => StandardisedValues) standardised!: StandardisedValues;
}

@ObjectType()
export class ComparedSide {
  @Field(() => Person, { nullable: true }) person!: Person | null;
  @Field(() => [ComparedRecord]) records!: ComparedRecord[];
}

@ObjectType()
export class TaskComparison {
  @Field(() => ReviewTask) task!: ReviewTask;
  @Field(() => ComparedSide, {
    description: "The task's record (first) and the other records of its person.",
  })
  recordSide!: ComparedSide;
  @Field(() => ComparedSide) candidateSide!: ComparedSide;
  @Field(() => MatchExplanation, { nullable: true }) explanation!: MatchExplanation | null;
  @Field({ description: 'A steward already said these are not the same person.' }) keptApart!: boolean;
}

@ObjectType()
export class StewardOperation {
  @Field(() => ID) id!: string;
  @Field() kind!: string;
  @Field() status!: string;
  @Field(() => ID, { nullable: true }) taskId!: string | null;
  @Field(() => ID, { description: 'Merge: the survivor. Split: the person the records left.' })
  personId!: string;
  @Field(() => ID, { nullable: true, description: 'Merge: the retired person. Split: the new person.' })
  otherPersonId!: string | null;
  @Field(() => [ID]) recordIds!: string[];
  @Field() reason!: string;
  @Field(() => String, { nullable: true }) approvalReason!: string | null;
  @Field() requestedBy!: string;
  @Field() requestedAt!: string;
  @Field(() => String, { nullable: true }) decidedBy!: string | null;
  @Field(() => String, { nullable: true }) decidedAt!: string | null;
  @Field(() => String, { nullable: true }) undoneBy!: string | null;
  @Field(() => String, { nullable: true }) undoneAt!: string | null;
}

@ObjectType()
export class DecisionResult {
  @Field(() => ReviewTask, { nullable: true }) task!: ReviewTask | null;
  @Field(() => StewardOperation, { nullable: true }) operation!: StewardOperation | null;
}

@ObjectType()
export class LinkHistoryEntry {
  @Field(() => ID) recordId!: string;
  @Field() sourceSystem!: string;
  @Field() localId!: string;
  @Field() type!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true }) matchProbability!: number | null;
  @Field(() => String, { nullable: true }) modelVersion!: string | null;
  @Field() reason!: string;
  @Field() createdAt!: string;
  @Field() createdBy!: string;
  @Field(() => String, { nullable: true }) endedAt!: string | null;
  @Field(() => String, { nullable: true }) endedBy!: string | null;
}

@ObjectType()
export class SearchResult {
  @Field(() => Person) person!: Person;
  @Field(() => Float) score!: number;
  @Field(() => Float) matchProbability!: number;
  @Field() grade!: string;
}

// Inputs carry class-validator rules: the global ValidationPipe refuses unknown or ill-typed fields.
@InputType()
export class TaskFilterInput {
  @Field(() => TaskQueue, { nullable: true }) @IsOptional() @IsEnum(TaskQueue) queue?: TaskQueue | null;
  @Field(() => TaskStatus, { nullable: true }) @IsOptional() @IsEnum(TaskStatus) status?: TaskStatus | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(100) sourceSystem?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description: 'Tasks this steward holds (e.g. user:ann): a live claim, or a merge waiting for approval.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  assignee?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: 'Only the tasks the caller holds (as assignee does).',
  })
  @IsOptional()
  @IsBoolean()
  mine?: boolean | null;
  @Field(() => Float, { nullable: true, description: 'Only tasks at least this many hours old.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(87_600)
  minAgeHours?: number | null;
  @Field(() => Float, { nullable: true, description: 'Only tasks less than this many hours old.' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(87_600)
  maxAgeHours?: number | null;
}

@InputType()
export class TaskDecisionInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field() @IsString() @MaxLength(2000) reason!: string;
  @Field(() => ID, { nullable: true, description: 'Same person only: which person keeps its id.' })
  @IsOptional()
  @IsUUID()
  survivorPersonId?: string | null;
}

@InputType()
export class DeferTaskInput {
  @Field(() => ID) @IsUUID() taskId!: string;
  @Field(() => Int) @IsInt() version!: number;
  @Field() @IsString() @MaxLength(2000) note!: string;
}

@InputType()
export class SplitPersonInput {
  @Field(() => ID) @IsUUID() personId!: string;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(500) @IsUUID('all', { each: true }) recordIds!: string[];
  @Field() @IsString() @MaxLength(2000) reason!: string;
}

@InputType()
export class OperationDecisionInput {
  @Field(() => ID) @IsUUID() operationId!: string;
  @Field() @IsString() @MaxLength(2000) reason!: string;
}

@InputType()
export class PersonSearchInput {
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) nhsNumber?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) familyName?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) givenName?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) dateOfBirth?:
    string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(200) postcode?: string | null;
}
