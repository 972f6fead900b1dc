import { applyDecorators, createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { BodyKind, MandateRole } from '../domain/body-kind';
import { describePolicy, type RoutePolicy } from '../domain/policy';
import type { Principal } from '../domain/principal';

export const POLICY_KEY = 'commons:policy';

const declare = (policy: RoutePolicy) =>
  applyDecorators(
    SetMetadata(POLICY_KEY, policy),
    ApiExtension('x-policy', describePolicy(policy)),
    ...(policy.kind === 'public' ? [] : [ApiBearerAuth()]),
  );

/** Every route declares exactly one of these; a route without one is refused (and fails a test). */
export const Policy = {
  public: (reason: string) => declare({ kind: 'public', reason }),
  signedIn: () => declare({ kind: 'signed-in' }),
  member: () => declare({ kind: 'member' }),
  mandate: (...anyOf: { body: BodyKind; roles?: MandateRole[] }[]) => declare({ kind: 'mandate', anyOf }),
  inUseCase: (reason: string) => declare({ kind: 'in-use-case', reason }),
};

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest().principal;
});

export const ClientAddress = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  return ctx.switchToHttp().getRequest().ip ?? 'unknown';
});
