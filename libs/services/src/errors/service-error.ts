/**
 * Error codes every use case raises. The API maps each code once to an HTTP status and a
 * GraphQL error code, so no controller or resolver decides that on its own.
 */
export enum ServiceErrorCode {
  Validation = 'VALIDATION',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  TooManyRequests = 'TOO_MANY_REQUESTS',
  /** The request lost a race with another (deadlock, serialization failure) after retries: try again. */
  TryAgain = 'TRY_AGAIN',
}

export class ServiceError extends Error {
  constructor(
    readonly code: ServiceErrorCode,
    message: string,
    /** The input field at fault, for validation errors. */
    readonly field?: string,
  ) {
    super(message);
  }
}

export const invalid = (field: string, message: string) =>
  new ServiceError(ServiceErrorCode.Validation, `${field}: ${message}`, field);
export const notFound = (message: string) => new ServiceError(ServiceErrorCode.NotFound, message);
export const conflict = (message: string) => new ServiceError(ServiceErrorCode.Conflict, message);
export const forbidden = (message: string) => new ServiceError(ServiceErrorCode.Forbidden, message);
