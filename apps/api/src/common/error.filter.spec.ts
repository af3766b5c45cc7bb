import type { ArgumentsHost } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { QueryFailedError } from 'typeorm';
import { ServiceError, ServiceErrorCode } from '@concord/services';
import { ErrorFilter } from './error.filter';
import { formatGraphqlError } from './graphql-errors';

/** A database error as TypeORM throws it: the driver's error inside a QueryFailedError. */
function databaseError(code: string): QueryFailedError {
  const driverError = Object.assign(new Error(`duplicate key value violates … (Smith, 9434765919)`), {
    code,
  });
  return new QueryFailedError('UPDATE person …', [], driverError);
}

interface ErrorAnswer {
  statusCode?: number;
  error?: string;
  message?: string;
  issue?: Array<{ severity: string; code: string }>;
}

function httpHost(path: string) {
  const sent: { status?: number; headers: Record<string, string>; type?: string; body?: ErrorAnswer } = {
    headers: {},
  };
  const response = {
    status(status: number) {
      sent.status = status;
      return response;
    },
    setHeader(name: string, value: string) {
      sent.headers[name.toLowerCase()] = value;
      return response;
    },
    type(type: string) {
      sent.type = type;
      return response;
    },
    json(body: unknown) {
      sent.body = body as ErrorAnswer;
      return response;
    },
  };
  const host = {
    getType: () => 'http',
    switchToHttp: () => ({ getResponse: () => response, getRequest: () => ({ path }) }),
  } as unknown as ArgumentsHost;
  return { host, sent };
}

const graphqlHost = { getType: () => 'graphql' } as unknown as ArgumentsHost;

describe('ErrorFilter: database races', () => {
  const filter = new ErrorFilter();

  it.each(['40P01', '40001', '23505'])(
    'answers %s over REST with 503, Retry-After and no database text',
    (code) => {
      const { host, sent } = httpHost('/api/v1/records');
      filter.catch(databaseError(code), host);
      expect(sent.status).toBe(503);
      expect(sent.headers['retry-after']).toBe('1');
      expect(sent.body).toMatchObject({ statusCode: 503, error: 'TRY_AGAIN' });
      expect(sent.body?.message).toMatch(/try again/);
      expect(sent.body?.message).not.toMatch(/Smith|9434765919/);
    },
  );

  it('answers FHIR with a transient OperationOutcome, with the same status and Retry-After', () => {
    const { host, sent } = httpHost('/fhir/Patient/$match');
    filter.catch(databaseError('40P01'), host);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('1');
    expect(sent.type).toBe('application/fhir+json');
    expect(sent.body?.issue?.[0]).toMatchObject({ severity: 'error', code: 'transient' });
  });

  it('answers GraphQL with the TRY_AGAIN code', () => {
    const error = filter.catch(databaseError('40001'), graphqlHost) as GraphQLError;
    expect(error.extensions).toMatchObject({ code: 'TRY_AGAIN', retryAfterSeconds: 1 });
    expect(error.message).not.toMatch(/Smith/);
  });

  it('maps a TRY_AGAIN from the services (retries spent) the same way', () => {
    const { host, sent } = httpHost('/api/v1/records');
    filter.catch(new ServiceError(ServiceErrorCode.TryAgain, 'lost a race; try again'), host);
    expect(sent.status).toBe(503);
    expect(sent.headers['retry-after']).toBe('1');
  });

  it('still answers 500 for any other database error, without its text', () => {
    const { host, sent } = httpHost('/api/v1/records');
    // 23503: a foreign key violation is no race: ours to fix.
    (filter as unknown as { logger: { error: () => void } }).logger.error = () => undefined;
    filter.catch(databaseError('23503'), host);
    expect(sent.status).toBe(500);
    expect(sent.headers['retry-after']).toBeUndefined();
    expect(sent.body?.message).not.toMatch(/Smith/);
  });

  it('formatGraphqlError turns a race that bypassed the filter into TRY_AGAIN, never INTERNAL_SERVER_ERROR', () => {
    const raw = databaseError('40P01');
    const wrapped = new GraphQLError('duplicate key … Smith', {
      originalError: raw,
      path: ['decideSamePerson'],
    });
    const formatted = formatGraphqlError(
      { message: wrapped.message, path: ['decideSamePerson'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      wrapped,
    );
    expect(formatted.extensions).toMatchObject({ code: 'TRY_AGAIN' });
    expect(formatted.message).not.toMatch(/Smith/);
  });
});
