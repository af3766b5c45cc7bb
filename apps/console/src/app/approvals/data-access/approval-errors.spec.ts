import { ApiError } from '../../core/graphql/api-error';
import { approvalErrorMessage } from './approval-errors';

describe('approvalErrorMessage', () => {
  it("shows the service's four-eyes refusal in its own words", () => {
    const error = new ApiError(
      'FORBIDDEN',
      'generic',
      'four-eyes rule: a second steward must approve a merge you asked for',
    );
    expect(approvalErrorMessage(error)).toBe(
      'Concord refused: Four-eyes rule: a second steward must approve a merge you asked for. Another senior steward must decide this merge.',
    );
  });

  it('explains a role refusal by the access guard in terms of roles', () => {
    expect(approvalErrorMessage(new ApiError('FORBIDDEN', 'generic', 'Forbidden resource'))).toContain(
      'Ask a senior steward',
    );
  });

  it('names what changed when the merge was decided meanwhile', () => {
    const error = new ApiError('CONFLICT', 'generic', 'operation o1 is applied, not waiting for approval');
    expect(approvalErrorMessage(error)).toBe(
      'This merge can no longer be decided: Operation o1 is applied, not waiting for approval. Reload the list to see where it stands.',
    );
  });

  it('keeps the reason on an unexpected failure', () => {
    expect(approvalErrorMessage(new Error('boom'))).toContain('Your reason is kept');
  });
});
