import { ApiError } from '../../core/graphql/api-error';

/**
 * What a senior steward reads when an approval or rejection was not saved. The service's
 * own refusal (the four-eyes rule, a merge decided meanwhile, persons changed since) is
 * shown in its words, with what to do next.
 */
export function approvalErrorMessage(error: unknown): string {
  if (!(error instanceof ApiError))
    return 'Concord had a problem saving your decision. Your reason is kept: try again.';
  const said = error.serverMessage ? sentence(error.serverMessage) : '';
  switch (error.code) {
    case 'FORBIDDEN':
      return said && said !== 'Forbidden resource.'
        ? `Concord refused: ${said} Another senior steward must decide this merge.`
        : 'Your role does not allow approving merges. Ask a senior steward.';
    case 'CONFLICT':
      return `This merge can no longer be decided: ${said || 'it changed meanwhile.'} Reload the list to see where it stands.`;
    case 'NOT_FOUND':
      return 'This merge no longer exists. Reload the list.';
    case 'BAD_USER_INPUT':
    case 'BAD_REQUEST':
      return `Concord did not accept the decision: ${error.message}`;
    default:
      return `${error.message} Your reason is kept: try again.`;
  }
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(capital) ? capital : `${capital}.`;
}
