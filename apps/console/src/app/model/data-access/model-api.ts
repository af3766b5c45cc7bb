import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { GraphqlClient } from '../../core/graphql/graphql-client';
import { ModelOverview, ModelPreview, ModelVersion } from './model.models';

const HISTOGRAM_FIELDS =
  'modelVersion binWidth bins { from to links tasks } linkWeight reviewWeight totalLinks totalTasks';
const VERSION_FIELDS =
  'version status shipped current description createdBy createdAt activatedBy activatedAt';

export const MODEL_OVERVIEW_QUERY = `
  query ModelOverview {
    matchModel {
      version description prior priorWeight
      thresholds { link review linkWeight reviewWeight }
      fields { field termFrequency levels { id label m u weight } }
      blockingRules { name on maxBlockSize }
      maxBlockSize document
    }
    modelVersions { ${VERSION_FIELDS} }
    scoreHistogram { ${HISTOGRAM_FIELDS} }
  }
`;

export const LOAD_MODEL_MUTATION = `
  mutation LoadModel($document: String!) {
    loadModel(document: $document) { ${VERSION_FIELDS} }
  }
`;

export const PREVIEW_MODEL_MUTATION = `
  mutation PreviewModel($version: String!) {
    previewModel(version: $version) {
      version currentVersion scored skipped wouldLink wouldStay wouldDrop changed
      changes { taskId taskType currentWeight currentProbability proposedWeight proposedProbability outcome currentOutcome }
      current { ${HISTOGRAM_FIELDS} }
      proposed { ${HISTOGRAM_FIELDS} }
    }
  }
`;

export const ACTIVATE_MODEL_MUTATION = `
  mutation ActivateModel($version: String!) {
    activateModel(version: $version) { ${VERSION_FIELDS} }
  }
`;

/** The matching model over GraphQL: reads for everyone, changes for administrators. */
@Injectable({ providedIn: 'root' })
export class ModelApi {
  private readonly graphql = inject(GraphqlClient);

  overview(): Observable<ModelOverview> {
    return this.graphql.request<ModelOverview>(MODEL_OVERVIEW_QUERY);
  }

  load(document: string): Observable<ModelVersion> {
    return this.graphql
      .request<{ loadModel: ModelVersion }, { document: string }>(LOAD_MODEL_MUTATION, { document })
      .pipe(map((data) => data.loadModel));
  }

  preview(version: string): Observable<ModelPreview> {
    return this.graphql
      .request<{ previewModel: ModelPreview }, { version: string }>(PREVIEW_MODEL_MUTATION, { version })
      .pipe(map((data) => data.previewModel));
  }

  activate(version: string): Observable<ModelVersion> {
    return this.graphql
      .request<{ activateModel: ModelVersion }, { version: string }>(ACTIVATE_MODEL_MUTATION, { version })
      .pipe(map((data) => data.activateModel));
  }
}
