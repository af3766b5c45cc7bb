import { Field, Float, ID, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'A ledger event that explains a link' })
export class HistoryEvent {
  @Field() seq!: string;
  @Field() occurredAt!: string;
  @Field() actor!: string;
  @Field() actorRole!: string;
  @Field() action!: string;
  @Field(() => String, { nullable: true }) reason!: string | null;
  @Field(() => String, { nullable: true }) modelVersion!: string | null;
  @Field(() => String, { nullable: true }) requestId!: string | null;
}

@ObjectType({ description: 'A record as the link table had it for the person at the instant' })
export class LinkAtTime {
  @Field(() => ID) recordId!: string;
  @Field() sourceSystem!: string;
  @Field() localId!: string;
  @Field({ description: 'auto or manual' }) linkType!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true }) matchProbability!: number | null;
  @Field(() => String, { nullable: true }) modelVersion!: string | null;
  @Field({ description: 'auto-link, new-person, review, merge, split, …' }) reason!: string;
  @Field(() => String, { nullable: true, description: "The engine's explanation, as JSON" })
  explanation!: string | null;
  @Field() linkedAt!: string;
  @Field() linkedBy!: string;
  @Field(() => String, { nullable: true, description: 'When the link ended, if it did after the instant' })
  endedAt!: string | null;
  @Field(() => String, { nullable: true }) endedBy!: string | null;
  @Field(() => [HistoryEvent], { description: 'The change in the audit ledger that made the link' })
  events!: HistoryEvent[];
}

@ObjectType({ description: 'A retired person followed to its successor' })
export class FollowedPerson {
  @Field(() => ID) personId!: string;
  @Field(() => String, { nullable: true }) retiredAt!: string | null;
  @Field(() => ID) successorId!: string;
}

@ObjectType({ description: 'What the link table said about a person at an instant, and why' })
export class PersonAtTime {
  @Field(() => ID) requestedId!: string;
  @Field() at!: string;
  @Field(() => ID, {
    description: 'The person answering (the successor when the one asked about was retired by then)',
  })
  personId!: string;
  @Field({ description: 'active, retired or not-created, at the instant' }) status!: string;
  @Field(() => [FollowedPerson]) followed!: FollowedPerson[];
  @Field() currentStatus!: string;
  @Field(() => ID, { nullable: true }) currentSuccessorId!: string | null;
  @Field(() => [LinkAtTime]) records!: LinkAtTime[];
}
