import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@org/kernel';
import { AuthService } from '../application/auth.service';
import { satisfies, type RoutePolicy } from '../domain/policy';
import { POLICY_KEY } from './policy.decorator';

/**
 * Global guard. Resolves the bearer token to a principal (fresh from the database on every
 * request) and checks the route's declared policy. A route that declares no policy is refused.
 */
@Injectable()
export class PolicyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const policy = this.reflector.getAllAndOverride<RoutePolicy | undefined>(POLICY_KEY, [ctx.getHandler(), ctx.getClass()]);
    if (!policy) throw new DomainError('forbidden', 'route_without_policy', 'This route declares no access policy and is closed.');
    if (policy.kind === 'public') return true;
    const req = ctx.switchToHttp().getRequest();
    const header: string | undefined = req.headers?.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7).trim() : undefined;
    const principal = token ? await this.auth.principalFor(token) : null;
    if (!principal) throw new DomainError('unauthenticated', 'not_signed_in', 'Sign in first: send the access token from POST /auth/login as a Bearer token.');
    req.principal = principal;
    if (!satisfies(principal, policy)) {
      throw new DomainError('forbidden', 'not_allowed', 'Your current mandates do not give you access to this.');
    }
    return true;
  }
}
