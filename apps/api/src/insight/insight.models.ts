import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'Open tasks in one queue' })
export class QueueSize {
  @Field({ description: 'possible-duplicate, nhs-shared, nhs-duplicate or nhs-trace' }) queue!: string;
  @Field(() => Int) open!: number;
}

@ObjectType({ description: 'Open tasks per queue at the end of a day (UTC)' })
export class QueueSizeDay {
  @Field({ description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => [QueueSize]) queues!: QueueSize[];
}

@ObjectType({ description: 'Demand (new tasks) and capacity (resolved tasks) on a day (UTC)' })
export class TaskFlowDay {
  @Field({ description: 'YYYY-MM-DD' }) day!: string;
  @Field(() => Int) created!: number;
  @Field(() => Int) resolved!: number;
}

@ObjectType({ description: 'Time from task creation to resolution, for tasks resolved in the period' })
export class Turnaround {
  @Field(() => Int) resolvedCount!: number;
  @Field(() => Float, { nullable: true }) medianSeconds!: number | null;
  @Field(() => Float, { nullable: true }) p90Seconds!: number | null;
}

@ObjectType({ description: 'Share of current registration links that joined an existing person automatically' })
export class AutoLinkRate {
  @Field(() => Int) registrationLinks!: number;
  @Field(() => Int) autoLinks!: number;
  @Field(() => Float, { nullable: true }) rate!: number | null;
}

@ObjectType({ description: "Data quality of one source system's records" })
export class SourceQuality {
  @Field() sourceSystem!: string;
  @Field(() => Int) records!: number;
  @Field(() => Int, { description: 'NHS number sent but not valid' }) invalidNhsNumber!: number;
  @Field(() => Int) missingNhsNumber!: number;
  @Field(() => Int, { description: 'Records in persons holding more than one record of this system' })
  duplicateRecords!: number;
  @Field(() => Float) duplicateRate!: number;
}

@ObjectType({ description: 'Business intelligence on the index itself' })
export class IndexInsight {
  @Field({ description: 'Start of the period (UTC midnight)' }) from!: string;
  @Field({ description: 'End of the period (exclusive)' }) to!: string;
  @Field(() => Int) days!: number;
  @Field(() => [QueueSizeDay]) queueSizes!: QueueSizeDay[];
  @Field(() => [TaskFlowDay]) flow!: TaskFlowDay[];
  @Field(() => Turnaround) turnaround!: Turnaround;
  @Field(() => AutoLinkRate) autoLink!: AutoLinkRate;
  @Field(() => [SourceQuality]) sourceQuality!: SourceQuality[];
}
