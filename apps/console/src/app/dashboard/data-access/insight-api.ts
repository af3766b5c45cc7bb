import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { GraphqlClient } from '../../core/graphql/graphql-client';
import { IndexInsight } from './insight.models';

export const INDEX_INSIGHT_QUERY = `
  query IndexInsight($days: Int) {
    indexInsight(days: $days) {
      from to days
      queueSizes { day queues { queue open } }
      flow { day created resolved }
      turnaround { resolvedCount medianSeconds p90Seconds }
      autoLink { registrationLinks autoLinks rate }
      sourceQuality { sourceSystem records invalidNhsNumber missingNhsNumber duplicateRecords duplicateRate }
    }
  }
`;

/** Reads the dashboard figures over GraphQL. */
@Injectable({ providedIn: 'root' })
export class InsightApi {
  private readonly graphql = inject(GraphqlClient);

  summary(days = 30): Observable<IndexInsight> {
    return this.graphql
      .request<{ indexInsight: IndexInsight }, { days: number }>(INDEX_INSIGHT_QUERY, { days })
      .pipe(map((data) => data.indexInsight));
  }
}
