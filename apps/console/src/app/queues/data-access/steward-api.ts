import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { GraphqlClient } from '../../core/graphql/graphql-client';
import {
  Decision,
  DecisionResult,
  PersonHistory,
  QueueCount,
  ReviewTask,
  SearchInput,
  SearchResult,
  StewardOperation,
  TaskComparison,
  TaskPage,
  TaskQueue,
  TasksQuery,
} from './steward.models';

export const GOLDEN = 'golden { nhsNumber familyName givenName dateOfBirth sex postcode }';
export const TASK = `id queue status priority score matchProbability modelVersion sourceSystems recordId
  candidatePersonId assignee leaseUntil resolution reason note createdAt ageHours version`;
const OPERATION = `id kind status taskId personId otherPersonId recordIds reason requestedBy requestedAt
  decidedBy decidedAt undoneBy undoneAt`;
export const RECORD = `id sourceSystem localId nhsNumber nhsNumberStatus familyName givenName otherGivenNames
  dateOfBirth sex postcode addressLine phone email flags
  link { type score matchProbability modelVersion linkedAt linkedBy }`;
const SIDE = `person { id status ${GOLDEN} }
  records { record { ${RECORD} } standardised { nhsNumber familyName givenNames dateOfBirth sex postcode addressTokens phone } }`;

export const QUEUE_COUNTS_QUERY = `query QueueCounts { queueCounts { queue open claimed pendingApproval deferred overdue } }`;

export const TASKS_QUERY = `
  query Tasks($filter: TaskFilterInput, $sort: TaskSort, $first: Int, $after: String) {
    tasks(filter: $filter, sort: $sort, first: $first, after: $after) {
      totalCount
      pageInfo { endCursor hasNextPage }
      nodes {
        ${TASK}
        record { id sourceSystem localId nhsNumber familyName givenName dateOfBirth }
        candidatePerson { id status ${GOLDEN} }
      }
    }
  }
`;

export const SOURCE_SYSTEMS_QUERY = `query TaskSourceSystems { taskSourceSystems }`;

export const COMPARISON_QUERY = `
  query TaskComparison($id: ID!) {
    taskComparison(id: $id) {
      task { ${TASK} }
      recordSide { ${SIDE} }
      candidateSide { ${SIDE} }
      explanation {
        prior weight probability grade decision modelVersion
        comparisons { field level label weight recordValue candidateValue }
        rules { rule description effect }
      }
      keptApart
    }
  }
`;

export const CLAIM_TASK = `mutation ClaimTask($taskId: ID!, $version: Int) { claimTask(taskId: $taskId, version: $version) { ${TASK} } }`;
export const CLAIM_NEXT = `mutation ClaimNext($queue: TaskQueue) { claimNextTask(queue: $queue) { ${TASK} } }`;
export const RELEASE_TASK = `mutation ReleaseTask($taskId: ID!, $version: Int!) { releaseTask(taskId: $taskId, version: $version) { ${TASK} } }`;
const DECISION = `task { ${TASK} } operation { ${OPERATION} }`;
export const DECIDE_SAME = `mutation DecideSame($input: TaskDecisionInput!) { decideSamePerson(input: $input) { ${DECISION} } }`;
export const DECIDE_NOT_SAME = `mutation DecideNotSame($input: TaskDecisionInput!) { decideNotSamePerson(input: $input) { ${DECISION} } }`;
export const DEFER_TASK = `mutation DeferTask($input: DeferTaskInput!) { deferTask(input: $input) { ${TASK} } }`;
export const RESOLVE_TRACE = `mutation ResolveTrace($input: TaskDecisionInput!) { resolveTrace(input: $input) { ${TASK} } }`;
export const SPLIT_PERSON = `mutation SplitPerson($input: SplitPersonInput!) { splitPerson(input: $input) { ${OPERATION} } }`;
export const UNDO_OPERATION = `mutation UndoOperation($input: OperationDecisionInput!) { undoOperation(input: $input) { ${OPERATION} } }`;

export const PERSON_HISTORY_QUERY = `
  query PersonHistory($id: ID!) {
    person(id: $id) {
      id
      linkHistory { recordId sourceSystem localId type score matchProbability modelVersion reason createdAt createdBy endedAt endedBy }
      operations { ${OPERATION} }
    }
  }
`;

export const SEARCH_QUERY = `
  query SearchPersons($input: PersonSearchInput!, $count: Int) {
    searchPersons(input: $input, count: $count) {
      score matchProbability grade
      person { id status ${GOLDEN} records { id sourceSystem } }
    }
  }
`;

/** Everything a steward does with tasks, persons' history and search, over GraphQL. */
@Injectable({ providedIn: 'root' })
export class StewardApi {
  private readonly graphql = inject(GraphqlClient);

  queueCounts(): Observable<QueueCount[]> {
    return this.graphql
      .request<{ queueCounts: QueueCount[] }>(QUEUE_COUNTS_QUERY)
      .pipe(map((d) => d.queueCounts));
  }

  tasks(query: TasksQuery): Observable<TaskPage> {
    const filter = Object.fromEntries(
      Object.entries(query.filter).filter(
        ([, v]) => v !== null && v !== undefined && v !== '' && v !== false,
      ),
    );
    return this.graphql
      .request<{ tasks: TaskPage }, TasksQuery>(TASKS_QUERY, { ...query, filter })
      .pipe(map((d) => d.tasks));
  }

  /** The source systems of the tasks still to do, for the filter. */
  sourceSystems(): Observable<string[]> {
    return this.graphql
      .request<{ taskSourceSystems: string[] }>(SOURCE_SYSTEMS_QUERY)
      .pipe(map((d) => d.taskSourceSystems));
  }

  comparison(id: string): Observable<TaskComparison> {
    return this.graphql
      .request<{ taskComparison: TaskComparison }, { id: string }>(COMPARISON_QUERY, { id })
      .pipe(map((d) => d.taskComparison));
  }

  claim(taskId: string, version: number | null): Observable<ReviewTask> {
    return this.graphql
      .request<{ claimTask: ReviewTask }, { taskId: string; version: number | null }>(CLAIM_TASK, {
        taskId,
        version,
      })
      .pipe(map((d) => d.claimTask));
  }

  /** The most urgent open task, now claimed by the steward, or null when the queue is empty. */
  claimNext(queue: TaskQueue | null): Observable<ReviewTask | null> {
    return this.graphql
      .request<{ claimNextTask: ReviewTask | null }, { queue: TaskQueue | null }>(CLAIM_NEXT, { queue })
      .pipe(map((d) => d.claimNextTask));
  }

  release(taskId: string, version: number): Observable<ReviewTask> {
    return this.graphql
      .request<{ releaseTask: ReviewTask }, { taskId: string; version: number }>(RELEASE_TASK, {
        taskId,
        version,
      })
      .pipe(map((d) => d.releaseTask));
  }

  /** Sends one decision; the answer names the task as it is now (and the merge, if any). */
  decide(
    decision: Decision,
    task: { id: string; version: number },
    reason: string,
  ): Observable<DecisionResult> {
    const input = { taskId: task.id, version: task.version, reason };
    switch (decision) {
      case 'same':
        return this.graphql
          .request<{ decideSamePerson: DecisionResult }, { input: typeof input }>(DECIDE_SAME, { input })
          .pipe(map((d) => d.decideSamePerson));
      case 'not-same':
        return this.graphql
          .request<{ decideNotSamePerson: DecisionResult }, { input: typeof input }>(DECIDE_NOT_SAME, {
            input,
          })
          .pipe(map((d) => d.decideNotSamePerson));
      case 'defer':
        return this.graphql
          .request<{ deferTask: ReviewTask }, { input: { taskId: string; version: number; note: string } }>(
            DEFER_TASK,
            {
              input: { taskId: task.id, version: task.version, note: reason },
            },
          )
          .pipe(map((d) => ({ task: d.deferTask, operation: null })));
      case 'traced':
        return this.graphql
          .request<{ resolveTrace: ReviewTask }, { input: typeof input }>(RESOLVE_TRACE, { input })
          .pipe(map((d) => ({ task: d.resolveTrace, operation: null })));
    }
  }

  split(personId: string, recordIds: string[], reason: string): Observable<StewardOperation> {
    return this.graphql
      .request<
        { splitPerson: StewardOperation },
        { input: { personId: string; recordIds: string[]; reason: string } }
      >(SPLIT_PERSON, { input: { personId, recordIds, reason } })
      .pipe(map((d) => d.splitPerson));
  }

  undo(operationId: string, reason: string): Observable<StewardOperation> {
    return this.graphql
      .request<{ undoOperation: StewardOperation }, { input: { operationId: string; reason: string } }>(
        UNDO_OPERATION,
        {
          input: { operationId, reason },
        },
      )
      .pipe(map((d) => d.undoOperation));
  }

  personHistory(id: string): Observable<PersonHistory | null> {
    return this.graphql
      .request<{ person: PersonHistory | null }, { id: string }>(PERSON_HISTORY_QUERY, { id })
      .pipe(map((d) => d.person));
  }

  search(input: SearchInput, count = 20): Observable<SearchResult[]> {
    const cleaned = Object.fromEntries(
      Object.entries(input).filter(([, v]) => typeof v === 'string' && v.trim() !== ''),
    );
    return this.graphql
      .request<{ searchPersons: SearchResult[] }, { input: SearchInput; count: number }>(SEARCH_QUERY, {
        input: cleaned,
        count,
      })
      .pipe(map((d) => d.searchPersons));
  }
}
