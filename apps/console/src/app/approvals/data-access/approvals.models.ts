/** The GraphQL shapes of four-eyes approvals (names exactly as the API's code-first schema). */

import type { GoldenView } from '@concord/domain';
import type { ReviewTask, StewardOperation } from '../../queues/data-access/steward.models';

export interface ApprovalRecord {
  id: string;
  sourceSystem: string;
  localId: string;
  nhsNumber: string | null;
  nhsNumberStatus: string;
  familyName: string | null;
  givenName: string | null;
  dateOfBirth: string | null;
  postcode: string | null;
}

export interface ApprovalPerson {
  id: string;
  status: string;
  golden: GoldenView;
  records: ApprovalRecord[];
}

/** A merge waiting for a second, senior steward, with both persons and the task it came from. */
export interface PendingApproval extends StewardOperation {
  approvalReason: string | null;
  person: ApprovalPerson | null;
  otherPerson: ApprovalPerson | null;
  task: ReviewTask | null;
}

export type ApprovalVerdict = 'approve' | 'reject';

export interface ApprovalOutcome {
  operation: StewardOperation | null;
  task: ReviewTask | null;
}
