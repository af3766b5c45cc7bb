import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import type { Request, Response } from 'express';
import { operationOutcome } from '../fhir/fhir-patient';
import { RETRY_AFTER_SECONDS, ServiceError, ServiceErrorCode, tryAgainError } from '@concord/services';

/** The one place error codes become HTTP statuses and GraphQL error codes. */
const HTTP_STATUS: Record<ServiceErrorCode, number> = {
  [ServiceErrorCode.Validation]: HttpStatus.BAD_REQUEST,
  [ServiceErrorCode.NotFound]: HttpStatus.NOT_FOUND,
  [ServiceErrorCode.Conflict]: HttpStatus.CONFLICT,
  [ServiceErrorCode.Unauthenticated]: HttpStatus.UNAUTHORIZED,
  [ServiceErrorCode.Forbidden]: HttpStatus.FORBIDDEN,
  [ServiceErrorCode.TooManyRequests]: HttpStatus.TOO_MANY_REQUESTS,
  [ServiceErrorCode.TryAgain]: HttpStatus.SERVICE_UNAVAILABLE,
};

export const GRAPHQL_CODE: Record<ServiceErrorCode, string> = {
  [ServiceErrorCode.Validation]: 'BAD_USER_INPUT',
  [ServiceErrorCode.NotFound]: 'NOT_FOUND',
  [ServiceErrorCode.Conflict]: 'CONFLICT',
  [ServiceErrorCode.Unauthenticated]: 'UNAUTHENTICATED',
  [ServiceErrorCode.Forbidden]: 'FORBIDDEN',
  [ServiceErrorCode.TooManyRequests]: 'TOO_MANY_REQUESTS',
  [ServiceErrorCode.TryAgain]: 'TRY_AGAIN',
};

/** FHIR issue type for each HTTP status Concord answers with. */
const FHIR_ISSUE: Record<number, string> = {
  400: 'invalid',
  401: 'login',
  403: 'forbidden',
  404: 'not-found',
  409: 'conflict',
  413: 'too-costly',
  429: 'throttled',
  503: 'transient',
};

interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  field?: string;
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(thrown: unknown, host: ArgumentsHost) {
    // A database race that the service's retries did not absorb (or a statement outside a
    // retried transaction) is TRY_AGAIN on every interface, never a 500.
    const exception = tryAgainError(thrown) ?? thrown;
    const body = this.toBody(exception);
    if (host.getType<string>() === 'graphql') {
      const code =
        exception instanceof ServiceError
          ? GRAPHQL_CODE[exception.code]
          : body.statusCode === 400
            ? 'BAD_USER_INPUT'
            : body.statusCode >= 500
              ? 'INTERNAL_SERVER_ERROR'
              : body.error.toUpperCase().replace(/ /g, '_');
      return new GraphQLError(body.message, {
        extensions: {
          code,
          field: body.field,
          ...(body.statusCode === 503 ? { retryAfterSeconds: RETRY_AFTER_SECONDS } : {}),
        },
      });
    }
    const http = host.switchToHttp();
    const response = http.getResponse<Response>();
    if (body.statusCode === 503) response.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    if (http.getRequest<Request>().path.startsWith('/fhir')) {
      // FHIR clients expect an OperationOutcome, with the same status.
      const code = FHIR_ISSUE[body.statusCode] ?? (body.statusCode >= 500 ? 'exception' : 'processing');
      response
        .status(body.statusCode)
        .type('application/fhir+json')
        .json(operationOutcome(body.statusCode === 500 ? 'fatal' : 'error', code, body.message, body.field));
      return undefined;
    }
    response.status(body.statusCode).json(body);
    return undefined;
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof ServiceError) {
      const statusCode = HTTP_STATUS[exception.code];
      return {
        statusCode,
        error: exception.code,
        message: exception.message,
        ...(exception.field ? { field: exception.field } : {}),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      let message = exception.message;
      if (typeof response === 'object' && response !== null && 'message' in response) {
        const m = (response as { message: unknown }).message;
        message = Array.isArray(m) ? m.join('; ') : String(m);
      }
      if (statusCode === 400 && /JSON/i.test(message))
        message = `body: the request body is not valid JSON (${message})`;
      return { statusCode, error: HttpStatus[statusCode] ?? 'Error', message };
    }
    const status = (exception as { status?: number; statusCode?: number; type?: string })?.status;
    if (status === 413)
      return { statusCode: 413, error: 'PAYLOAD_TOO_LARGE', message: 'body: the request body is too large' };
    if (status === 400)
      return { statusCode: 400, error: 'BAD_REQUEST', message: 'body: the request body is not valid JSON' };
    // Log the error class and stack only: messages of database errors can carry patient data.
    this.logger.error(
      exception instanceof Error
        ? `${exception.name}: ${exception.stack?.split('\n').slice(1, 4).join(' ')}`
        : 'non-error thrown',
    );
    return {
      statusCode: 500,
      error: 'INTERNAL_SERVER_ERROR',
      message: 'Something went wrong on our side; the request was not applied',
    };
  }
}
