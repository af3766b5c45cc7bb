import { ApiError } from '../core/graphql/api-error';
import { decisionErrorMessage } from './decision-errors';

describe('decisionErrorMessage', () => {
  it('explains a conflict in a steward’s words and says the reason is kept', () => {
    const text = decisionErrorMessage(new ApiError('CONFLICT', 'task 1 is claimed by user:ann'));
    expect(text).toContain('Someone else changed this task');
    expect(text).toContain('Your reason is kept');
    expect(text).not.toContain('user:ann');
  });

  it('keeps the server wording for input errors', () => {
    expect(decisionErrorMessage(new ApiError('BAD_USER_INPUT', 'reason must not be empty'))).toContain('reason must not be empty');
  });

  it('copes with errors that are not API errors', () => {
    expect(decisionErrorMessage(new Error('boom'))).toContain('Your reason is kept');
  });
});
