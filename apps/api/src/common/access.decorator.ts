import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiScope, Role } from '@concord/persistence';
import { randomUUID } from 'node:crypto';
import { auditActorOf } from '@concord/services';
import type { AuditActor, Principal } from '@concord/services';

export interface AccessRule {
  /** Roles of signed-in users that may call it. */
  roles?: Role[];
  /** Scopes an API key needs to call it. */
  scopes?: ApiScope[];
  /** Open to anyone (sign-in, health). */
  public?: boolean;
}

export const ACCESS_KEY = 'concord:access';
export const ALL_ROLES: Role[] = ['steward', 'senior-steward', 'auditor', 'admin'];

/**
 * Who may call a route or resolver. Every handler must carry one: the guard refuses a
 * handler without it, so a forgotten decorator fails closed.
 */
export const Access = (rule: AccessRule) => SetMetadata(ACCESS_KEY, rule);

export interface RequestWithPrincipal {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

export function requestOf(context: ExecutionContext): RequestWithPrincipal {
  if (context.getType<string>() === 'graphql') {
    return GqlExecutionContext.create(context).getContext<{ req: RequestWithPrincipal }>().req;
  }
  return context.switchToHttp().getRequest<RequestWithPrincipal>();
}

/** The authenticated caller of the current request. */
export const CurrentPrincipal = createParamDecorator(
  (_: unknown, context: ExecutionContext) => requestOf(context).principal,
);

/**
 * The caller as the audit ledger records it, with the request id (the caller's
 * X-Request-Id when sent, so its logs and ours can be joined; otherwise a new one).
 */
export const Actor = createParamDecorator((_: unknown, context: ExecutionContext): AuditActor => {
  const request = requestOf(context);
  if (!request.principal) throw new Error('Actor used on a route without authentication');
  const header = request.headers['x-request-id'];
  const given = Array.isArray(header) ? header[0] : header;
  const requestId = given && /^[\w.:-]{1,100}$/.test(given) ? given : randomUUID();
  return auditActorOf(request.principal, requestId);
});
