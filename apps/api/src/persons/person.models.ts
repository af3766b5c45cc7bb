import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType()
export class CurrentUser {
  @Field() username!: string;
  @Field() role!: string;
}

@ObjectType()
export class GoldenView {
  @Field(() => String, { nullable: true }) nhsNumber!: string | null;
  @Field(() => String, { nullable: true }) familyName!: string | null;
  @Field(() => String, { nullable: true }) givenName!: string | null;
  @Field(() => String, { nullable: true }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true }) sex!: string | null;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => String, {
    nullable: true,
    description: 'The survivorship policy the view was made under, e.g. "most-frequent; trust PAS > RIS".',
  })
  survivorship?: string | null;
}

@ObjectType()
export class Link {
  @Field() type!: string;
  @Field(() => Float, { nullable: true }) score!: number | null;
  @Field(() => Float, { nullable: true }) matchProbability!: number | null;
  @Field(() => String, { nullable: true }) modelVersion!: string | null;
  @Field() linkedAt!: string;
  @Field() linkedBy!: string;
}

@ObjectType()
export class SourceRecord {
  @Field(() => ID) id!: string;
  @Field() sourceSystem!: string;
  @Field() localId!: string;
  @Field(() => String, { nullable: true }) nhsNumber!: string | null;
  @Field() nhsNumberStatus!: string;
  @Field(() => String, { nullable: true }) familyName!: string | null;
  @Field(() => String, { nullable: true }) givenName!: string | null;
  @Field(() => String, { nullable: true }) otherGivenNames!: string | null;
  @Field(() => String, { nullable: true }) dateOfBirth!: string | null;
  @Field(() => String, { nullable: true }) sex!: string | null;
  @Field(() => String, { nullable: true }) postcode!: string | null;
  @Field(() => String, { nullable: true }) addressLine!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) email!: string | null;
  @Field(() => [String]) flags!: string[];
  @Field(() => Link, { nullable: true }) link!: Link | null;
}

@ObjectType()
export class Person {
  @Field(() => ID) id!: string;
  @Field() status!: string;
  @Field(() => ID, { nullable: true }) successorId!: string | null;
  @Field(() => GoldenView) golden!: GoldenView;
  @Field() createdAt!: string;
  @Field() updatedAt!: string;
}

@ObjectType()
export class PageInfo {
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType()
export class PersonConnection {
  @Field(() => Int) totalCount!: number;
  @Field(() => [Person]) nodes!: Person[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}
