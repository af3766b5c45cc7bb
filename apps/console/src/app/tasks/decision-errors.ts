import { ApiError } from '../core/graphql/api-error';

/** What a steward reads when a decision could not be saved. */
export function decisionErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Concord had a problem saving your decision. Your reason is kept: try again.';
  switch (error.code) {
    case 'CONFLICT':
      return 'Someone else changed this task while you had it open: another steward may have claimed or decided it, or it is waiting for approval. Your reason is kept. Reload the task to see what changed before deciding again.';
    case 'FORBIDDEN':
      return 'Your role does not allow this decision. Ask a senior steward.';
    case 'NOT_FOUND':
      return 'This task or one of its records no longer exists: it may have been merged or resolved. Go back to the queues.';
    case 'BAD_USER_INPUT':
    case 'BAD_REQUEST':
      return `Concord did not accept the decision: ${error.message}`;
    default:
      return `${error.message} Your reason is kept: try again.`;
  }
}
