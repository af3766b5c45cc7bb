import { HttpErrorResponse } from '@angular/common/http';

/**
 * An API failure in words a steward understands. `code` follows the GraphQL
 * `extensions.code` convention so screens can react (e.g. NOT_FOUND shows an empty state).
 */
export class ApiError extends Error {
  /**
   * What the server said, for screens that show a service's refusal in its own words (a
   * four-eyes refusal, a conflict). Not enumerable: two errors with the same code and
   * message are equal.
   */
  declare readonly serverMessage: string | undefined;

  constructor(
    readonly code: string,
    message: string,
    serverMessage?: string,
  ) {
    super(message);
    this.name = 'ApiError';
    Object.defineProperty(this, 'serverMessage', { value: serverMessage, enumerable: false });
  }
}

export const UNAUTHENTICATED = 'UNAUTHENTICATED';
export const NETWORK_ERROR = 'NETWORK_ERROR';

const MESSAGES: Record<string, string> = {
  [UNAUTHENTICATED]: 'Your session has ended. Please sign in again.',
  FORBIDDEN: 'Your role does not allow this. Ask a senior steward or an administrator.',
  NOT_FOUND: 'That record could not be found. It may have been merged or removed.',
  [NETWORK_ERROR]: 'Concord cannot be reached. Check your connection and try again.',
  INTERNAL_SERVER_ERROR:
    'Concord had a problem answering. Try again in a moment; if it keeps happening, tell the service desk.',
  GRAPHQL_VALIDATION_FAILED:
    'The console asked Concord something it does not understand. Reload the page; if it keeps happening, tell the service desk.',
  GRAPHQL_PARSE_FAILED:
    'The console asked Concord something it does not understand. Reload the page; if it keeps happening, tell the service desk.',
};

/** What a steward reads for an error code; input errors keep the server's own wording, which names the field. */
export function messageFor(code: string, serverMessage?: string): string {
  if (code === 'BAD_USER_INPUT' || code === 'BAD_REQUEST')
    return serverMessage || 'Check what you entered and try again.';
  return MESSAGES[code] ?? MESSAGES['INTERNAL_SERVER_ERROR'];
}

interface GraphqlErrorShape {
  message?: unknown;
  extensions?: { code?: unknown };
}

/** The first GraphQL error as an ApiError. */
export function fromGraphqlErrors(errors: readonly GraphqlErrorShape[]): ApiError {
  const first = errors[0] ?? {};
  const code = typeof first.extensions?.code === 'string' ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const serverMessage = typeof first.message === 'string' ? first.message : undefined;
  return new ApiError(code, messageFor(code, serverMessage), serverMessage);
}

function statusCode(status: number): string {
  if (status === 0) return NETWORK_ERROR;
  if (status === 401) return UNAUTHENTICATED;
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 400) return 'BAD_REQUEST';
  return 'INTERNAL_SERVER_ERROR';
}

/** An HTTP failure as an ApiError, preferring GraphQL errors in the body when the server sent some. */
export function fromHttpError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (!(error instanceof HttpErrorResponse))
    return new ApiError('INTERNAL_SERVER_ERROR', messageFor('INTERNAL_SERVER_ERROR'));
  const body: unknown = error.error;
  if (typeof body === 'object' && body !== null) {
    const errors = (body as { errors?: unknown }).errors;
    if (Array.isArray(errors) && errors.length > 0) return fromGraphqlErrors(errors as GraphqlErrorShape[]);
    const message = (body as { message?: unknown }).message;
    const code = statusCode(error.status);
    return new ApiError(code, messageFor(code, typeof message === 'string' ? message : undefined));
  }
  const code = statusCode(error.status);
  return new ApiError(code, messageFor(code));
}
