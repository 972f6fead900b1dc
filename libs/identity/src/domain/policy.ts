import type { BodyKind, MandateRole } from './body-kind';
import type { Principal } from './principal';

/**
 * Every route declares one policy. `inUseCase` means the route is open to signed-in callers and
 * the use case decides per resource (own record, branch scope, a party to a case); the reason
 * says what it checks, and appears in the API docs.
 */
export type RoutePolicy =
  | { kind: 'public'; reason: string }
  | { kind: 'signed-in' }
  | { kind: 'member' }
  | { kind: 'mandate'; anyOf: { body: BodyKind; roles?: MandateRole[] }[] }
  | { kind: 'in-use-case'; reason: string };

export function satisfies(principal: Principal | null, policy: RoutePolicy): boolean {
  switch (policy.kind) {
    case 'public':
      return true;
    case 'signed-in':
    case 'in-use-case':
      return principal !== null;
    case 'member':
      return principal !== null && principal.isMember;
    case 'mandate':
      return principal !== null && policy.anyOf.some((m) => principal.holds(m.body, m.roles));
    default: {
      const never: never = policy;
      return never;
    }
  }
}

export const describePolicy = (p: RoutePolicy): string => {
  switch (p.kind) {
    case 'public':
      return `Public: ${p.reason}`;
    case 'signed-in':
      return 'Any signed-in account';
    case 'member':
      return 'Members';
    case 'mandate':
      return `Holders of a current mandate: ${p.anyOf.map((m) => (m.roles ? `${m.body} (${m.roles.join('/')})` : m.body)).join(' or ')}`;
    case 'in-use-case':
      return `Signed-in; ${p.reason}`;
  }
};
