import { Args, Int, Query, Resolver } from '@nestjs/graphql';
import { IndexInsights } from '@concord/services';
import { Access } from '../common/access.decorator';
import { IndexInsight } from './insight.models';

@Resolver(() => IndexInsight)
export class InsightResolver {
  constructor(private readonly insights: IndexInsights) {}

  @Query(() => IndexInsight, {
    description: 'Queue sizes, demand and capacity, turnaround, auto-link rate and data quality per source system',
  })
  @Access({ roles: ['steward', 'senior-steward', 'auditor', 'admin'] })
  async indexInsight(
    @Args('days', { type: () => Int, nullable: true, defaultValue: 30 }) days: number,
  ): Promise<IndexInsight> {
    // Counts only, no patient data: not an audited read.
    return this.insights.summary({ days: days ?? 30 });
  }
}
