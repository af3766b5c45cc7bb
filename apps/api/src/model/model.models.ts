import { Field, Float, Int, ObjectType } from '@nestjs/graphql';

@ObjectType({ description: 'One comparison level of a field: m, u and the weight log2(m/u) it adds' })
export class ModelLevel {
  @Field() id!: string;
  @Field() label!: string;
  @Field(() => Float, { description: 'P(level | same person)' }) m!: number;
  @Field(() => Float, { description: 'P(level | different people)' }) u!: number;
  @Field(() => Float, { description: 'log2(m/u), in bits' }) weight!: number;
}

@ObjectType({ description: 'A compared field and its levels, in comparison order' })
export class ModelField {
  @Field() field!: string;
  @Field({ description: 'The exact level is adjusted by how common the value is' }) termFrequency!: boolean;
  @Field(() => [ModelLevel]) levels!: ModelLevel[];
}

@ObjectType({ description: 'A blocking rule: records sharing every part are compared' })
export class ModelBlockingRule {
  @Field() name!: string;
  @Field(() => [String]) on!: string[];
  @Field(() => Int, { nullable: true }) maxBlockSize!: number | null;
}

@ObjectType({ description: 'Probabilities at or above which a pair links automatically or goes to review' })
export class ModelThresholds {
  @Field(() => Float) link!: number;
  @Field(() => Float) review!: number;
  @Field(() => Float, { description: 'The link threshold as a match weight, log2(p/(1−p))' })
  linkWeight!: number;
  @Field(() => Float, { description: 'The review threshold as a match weight' }) reviewWeight!: number;
}

@ObjectType({ description: 'A matching model (the one in use, or a stored version)' })
export class MatchModelView {
  @Field() version!: string;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => Float, { description: 'λ: probability that two random records are one person' })
  prior!: number;
  @Field(() => Float, { description: 'The prior as a weight, log2(λ/(1−λ))' }) priorWeight!: number;
  @Field(() => ModelThresholds) thresholds!: ModelThresholds;
  @Field(() => [ModelField]) fields!: ModelField[];
  @Field(() => [ModelBlockingRule]) blockingRules!: ModelBlockingRule[];
  @Field(() => Int) maxBlockSize!: number;
  @Field({ description: 'The document as JSON text (to edit and load as a new version)' }) document!: string;
}

@ObjectType({ description: 'A stored model version, or the shipped default' })
export class ModelVersion {
  @Field() version!: string;
  @Field({ description: 'draft, active or retired' }) status!: string;
  @Field({ description: 'The model built into this release' }) shipped!: boolean;
  @Field({ description: 'The version scores use now' }) current!: boolean;
  @Field(() => String, { nullable: true }) description!: string | null;
  @Field(() => String, { nullable: true }) createdBy!: string | null;
  @Field(() => String, { nullable: true }) createdAt!: string | null;
  @Field(() => String, { nullable: true }) activatedBy!: string | null;
  @Field(() => String, { nullable: true }) activatedAt!: string | null;
}

@ObjectType({ description: 'Counts of match weights in one bin [from, to)' })
export class ScoreBin {
  @Field(() => Float) from!: number;
  @Field(() => Float) to!: number;
  @Field(() => Int, { description: 'Current links with this weight' }) links!: number;
  @Field(() => Int, { description: 'Open review tasks with this weight' }) tasks!: number;
}

@ObjectType({ description: 'A histogram of match weights with the model thresholds as weights' })
export class ScoreHistogram {
  @Field() modelVersion!: string;
  @Field(() => Float) binWidth!: number;
  @Field(() => [ScoreBin]) bins!: ScoreBin[];
  @Field(() => Float) linkWeight!: number;
  @Field(() => Float) reviewWeight!: number;
  @Field(() => Int) totalLinks!: number;
  @Field(() => Int) totalTasks!: number;
}

@ObjectType({ description: 'An open task that a proposed model would take out of the queue' })
export class PreviewChange {
  @Field() taskId!: string;
  @Field() taskType!: string;
  @Field(() => Float) currentWeight!: number;
  @Field(() => Float) currentProbability!: number;
  @Field(() => Float) proposedWeight!: number;
  @Field(() => Float) proposedProbability!: number;
  @Field({ description: 'would-link or would-drop' }) outcome!: string;
  @Field({ description: "The current model's outcome for the task: would-link, would-stay or would-drop" })
  currentOutcome!: string;
}

@ObjectType({ description: 'What activating a model version would do to the open review queue' })
export class ModelPreview {
  @Field() version!: string;
  @Field() currentVersion!: string;
  @Field(() => Int, { description: 'Open tasks re-scored' }) scored!: number;
  @Field(() => Int, { description: 'Open tasks whose candidate has no current record' }) skipped!: number;
  @Field(() => Int, { description: 'Tasks that would link automatically' }) wouldLink!: number;
  @Field(() => Int, { description: 'Tasks that would stay in review' }) wouldStay!: number;
  @Field(() => Int, { description: 'Tasks that would drop below review' }) wouldDrop!: number;
  @Field(() => Int, { description: "Tasks whose outcome differs from the current model's" }) changed!: number;
  @Field(() => [PreviewChange]) changes!: PreviewChange[];
  @Field(() => ScoreHistogram, { description: 'The re-scored tasks under the current model' })
  current!: ScoreHistogram;
  @Field(() => ScoreHistogram, { description: 'The same tasks under the proposed model' })
  proposed!: ScoreHistogram;
}
