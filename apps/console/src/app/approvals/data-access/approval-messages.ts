import { ApprovalOutcome, ApprovalVerdict } from './approvals.models';

/**
 * What a senior steward reads after deciding a merge (`what` names it). A rejected merge's
 * task goes back to the queue, unless another merge made its two sides one person while it
 * waited: then the service has closed it, and saying "open again" would send them looking.
 */
export function decisionMessage(verdict: ApprovalVerdict, what: string, outcome: ApprovalOutcome): string {
  if (verdict === 'approve') return `You approved the ${what}: the persons are now one.`;
  if (outcome.task?.status === 'RESOLVED')
    return `You rejected the ${what}: its task is closed, as another merge has made the two one person.`;
  return `You rejected the ${what}: the task is open again.`;
}
