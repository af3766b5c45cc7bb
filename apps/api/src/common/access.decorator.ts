import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { ApiScope, Role } from '@concord/persistence';
import type { Principal } from '@concord/services';

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
