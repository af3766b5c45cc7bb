import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessService, ServiceError, ServiceErrorCode } from '@concord/services';
import type { Principal } from '@concord/services';
import { ACCESS_KEY, AccessRule, requestOf } from './access.decorator';

/** Authenticates the bearer credential and checks the handler's @Access rule. */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly access: AccessService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new ServiceError(ServiceErrorCode.Forbidden, 'This operation is not available');
    if (rule.public) return true;
    const request = requestOf(context);
    // Field resolvers of a GraphQL request are checked too: authenticate once per request.
    if (request.principal) return this.allows(rule, request.principal);
    const header = request.headers['authorization'];
    const value = Array.isArray(header) ? header[0] : header;
    const match = value?.match(/^Bearer\s+(\S+)$/i);
    if (!match)
      throw new ServiceError(
        ServiceErrorCode.Unauthenticated,
        'Authorization: Bearer <token or API key> is required',
      );
    const principal = await this.access.authenticate(match[1]);
    if (!principal)
      throw new ServiceError(
        ServiceErrorCode.Unauthenticated,
        'The token or API key is invalid, expired or revoked',
      );
    request.principal = principal;
    return this.allows(rule, principal);
  }

  private allows(rule: AccessRule, principal: Principal): boolean {
    const allowed =
      principal.kind === 'user'
        ? (rule.roles ?? []).includes(principal.role)
        : (rule.scopes ?? []).length > 0 && (rule.scopes ?? []).every((s) => principal.scopes.includes(s));
    if (!allowed) {
      const need =
        principal.kind === 'user'
          ? `one of the roles ${(rule.roles ?? []).join(', ') || '(none: not for users)'}`
          : `the scopes ${(rule.scopes ?? []).join(', ') || '(none: not for API keys)'}`;
      throw new ServiceError(ServiceErrorCode.Forbidden, `This operation needs ${need}`);
    }
    return true;
  }
}
