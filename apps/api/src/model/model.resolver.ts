import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { ModelRegistry, weightOfProbability } from '@concord/services';
import type { AuditActor, ModelVersionInfo } from '@concord/services';
import type { MatchModel } from '@concord/matching';
import { Access, Actor, ALL_ROLES } from '../common/access.decorator';
import { MatchModelView, ModelPreview, ModelVersion, ScoreHistogram } from './model.models';

export function toModelView(model: MatchModel): MatchModelView {
  return {
    version: model.version,
    description: model.description ?? null,
    prior: model.prior,
    priorWeight: weightOfProbability(model.prior),
    thresholds: {
      link: model.thresholds.link,
      review: model.thresholds.review,
      linkWeight: weightOfProbability(model.thresholds.link),
      reviewWeight: weightOfProbability(model.thresholds.review),
    },
    fields: model.fields.map((f) => ({
      field: f.field,
      termFrequency: f.termFrequency === true,
      levels: f.levels.map((l) => ({
        id: l.id,
        label: l.label,
        m: l.m,
        u: l.u,
        weight: Math.log2(l.m / l.u),
      })),
    })),
    blockingRules: model.blocking.rules.map((r) => ({
      name: r.name,
      on: [...r.on],
      maxBlockSize: r.maxBlockSize ?? null,
    })),
    maxBlockSize: model.blocking.maxBlockSize,
    document: JSON.stringify(model, null, 2),
  };
}

const toVersion = (v: ModelVersionInfo): ModelVersion => ({
  ...v,
  createdAt: v.createdAt?.toISOString() ?? null,
  activatedAt: v.activatedAt?.toISOString() ?? null,
});

/** The matching model: everyone signed in reads it; administrators load, preview and activate versions. */
@Resolver()
export class ModelResolver {
  constructor(private readonly registry: ModelRegistry) {}

  @Query(() => MatchModelView, { description: 'The model scores use now (or a stored version)' })
  @Access({ roles: ALL_ROLES })
  async matchModel(
    @Args('version', { type: () => String, nullable: true }) version: string | null,
  ): Promise<MatchModelView> {
    return toModelView(version ? await this.registry.document(version) : await this.registry.refresh());
  }

  @Query(() => [ModelVersion], {
    description: 'Stored model versions, newest first, then the shipped default',
  })
  @Access({ roles: ALL_ROLES })
  async modelVersions(): Promise<ModelVersion[]> {
    return (await this.registry.list()).map(toVersion);
  }

  @Query(() => ScoreHistogram, { description: 'Match weights of current links and open review tasks' })
  @Access({ roles: ALL_ROLES })
  async scoreHistogram(): Promise<ScoreHistogram> {
    return this.registry.histogram();
  }

  @Mutation(() => ModelVersion, {
    description: 'Validates a model document (JSON text) and stores it as a draft',
  })
  @Access({ roles: ['admin'] })
  async loadModel(@Args('document') document: string, @Actor() actor: AuditActor): Promise<ModelVersion> {
    return toVersion(await this.registry.load(document, actor));
  }

  @Mutation(() => ModelPreview, {
    description: 'What a version would change in the open review queue (writes nothing)',
  })
  @Access({ roles: ['admin'] })
  async previewModel(@Args('version') version: string, @Actor() actor: AuditActor): Promise<ModelPreview> {
    return this.registry.preview(version, actor);
  }

  @Mutation(() => ModelVersion, {
    description: 'Makes a version the one every score uses; the previous one is retired',
  })
  @Access({ roles: ['admin'] })
  async activateModel(@Args('version') version: string, @Actor() actor: AuditActor): Promise<ModelVersion> {
    return toVersion(await this.registry.activate(version, actor));
  }
}
