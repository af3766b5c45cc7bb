import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { RETRY_AFTER_SECONDS, tryAgainError } from '@concord/services';
import { GRAPHQL_CODE } from './error.filter';

/**
 * Last word on GraphQL errors. Errors from our services already carry a code (mapped once
 * in ErrorFilter). An error GraphQL itself raised while reading the request (a variable of
 * the wrong type, a null for a required argument) is the caller's mistake: BAD_USER_INPUT.
 * A database race that reached here without passing ErrorFilter is TRY_AGAIN, as there.
 * Anything else is ours: its message is replaced so no internal detail leaks.
 */
export function formatGraphqlError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.['code'];
  if (code !== 'INTERNAL_SERVER_ERROR') return formatted;
  const original = unwrapResolverError(error);
  if (original instanceof GraphQLError || original === error) {
    return { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } };
  }
  const busy = tryAgainError(original);
  if (busy)
    return {
      message: busy.message,
      path: formatted.path,
      extensions: { code: GRAPHQL_CODE[busy.code], retryAfterSeconds: RETRY_AFTER_SECONDS },
    };
  return {
    message: 'Something went wrong on our side; the request was not applied',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
