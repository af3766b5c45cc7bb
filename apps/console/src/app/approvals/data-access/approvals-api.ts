import { inject, Injectable } from '@angular/core';
import { map, Observable } from 'rxjs';
import { GraphqlClient } from '../../core/graphql/graphql-client';
import { GOLDEN, TASK } from '../../queues/data-access/steward-api';
import { ApprovalOutcome, ApprovalVerdict, PendingApproval } from './approvals.models';

const PERSON = `id status ${GOLDEN}
  records { id sourceSystem localId nhsNumber nhsNumberStatus familyName givenName dateOfBirth postcode }`;
const OPERATION = `id kind status taskId personId otherPersonId recordIds reason approvalReason requestedBy requestedAt
  decidedBy decidedAt undoneBy undoneAt`;

export const PENDING_APPROVALS_QUERY = `
  query PendingApprovals {
    pendingApprovals {
      ${OPERATION}
      person { ${PERSON} }
      otherPerson { ${PERSON} }
      task { ${TASK} }
    }
  }
`;

export const OPERATION_QUERY = `
  query StewardOperation($id: ID!) {
    stewardOperation(id: $id) {
      ${OPERATION}
      person { ${PERSON} }
      otherPerson { ${PERSON} }
      task { ${TASK} }
    }
  }
`;

const OUTCOME = `task { ${TASK} } operation { ${OPERATION} }`;
export const APPROVE_OPERATION = `mutation ApproveOperation($input: OperationDecisionInput!) { approveOperation(input: $input) { ${OUTCOME} } }`;
export const REJECT_OPERATION = `mutation RejectOperation($input: OperationDecisionInput!) { rejectOperation(input: $input) { ${OUTCOME} } }`;

/** Merges waiting for a senior steward, and the approve and reject decisions on them. */
@Injectable({ providedIn: 'root' })
export class ApprovalsApi {
  private readonly graphql = inject(GraphqlClient);

  pending(): Observable<PendingApproval[]> {
    return this.graphql
      .request<{ pendingApprovals: PendingApproval[] }>(PENDING_APPROVALS_QUERY)
      .pipe(map((d) => d.pendingApprovals));
  }

  /** One merge with its persons and task, whatever its status (null when there is none). */
  operation(id: string): Observable<PendingApproval | null> {
    return this.graphql
      .request<{ stewardOperation: PendingApproval | null }, { id: string }>(OPERATION_QUERY, { id })
      .pipe(map((d) => d.stewardOperation));
  }

  decide(verdict: ApprovalVerdict, operationId: string, reason: string): Observable<ApprovalOutcome> {
    const input = { operationId, reason };
    if (verdict === 'approve')
      return this.graphql
        .request<{ approveOperation: ApprovalOutcome }, { input: typeof input }>(APPROVE_OPERATION, { input })
        .pipe(map((d) => d.approveOperation));
    return this.graphql
      .request<{ rejectOperation: ApprovalOutcome }, { input: typeof input }>(REJECT_OPERATION, { input })
      .pipe(map((d) => d.rejectOperation));
  }
}
