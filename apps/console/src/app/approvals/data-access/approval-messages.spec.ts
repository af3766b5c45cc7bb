import { decisionMessage } from './approval-messages';
import { ApprovalOutcome } from './approvals.models';

const outcome = (status: string | null): ApprovalOutcome =>
  ({ operation: null, task: status === null ? null : { status } }) as unknown as ApprovalOutcome;

describe('decisionMessage', () => {
  it('says the persons are one after an approval', () => {
    expect(decisionMessage('approve', 'merge of A into B', outcome('RESOLVED'))).toBe(
      'You approved the merge of A into B: the persons are now one.',
    );
  });

  it('says the task is open again after a rejection that reopened it', () => {
    expect(decisionMessage('reject', 'merge of A into B', outcome('OPEN'))).toBe(
      'You rejected the merge of A into B: the task is open again.',
    );
  });

  it('says the task is closed when another merge had already made the two one person', () => {
    expect(decisionMessage('reject', 'merge of A into B', outcome('RESOLVED'))).toContain(
      'its task is closed, as another merge has made the two one person',
    );
  });
});
