import { envInteger, envList, envOneOf, type Env } from '@org/platform';
import type { ApportionmentMethod } from '../domain';

/**
 * The statutes' choices this context needs, read once from the environment and validated at
 * boot (a bad value stops the process with a message naming the variable).
 *
 * - `BRANCH_AUTHORITY_BODIES` (default `EC`): the bodies whose mandate creates, merges and closes
 *   branches, comma-separated (EC, CC).
 * - `APPORTIONMENT_METHOD` (default `largest-remainder`): or `sainte-lague`.
 * - `APPORTIONMENT_MINIMUM_SEATS` (default 1): seats every branch gets at least.
 * - `MEMBER_CSV_MAX_BYTES` (default 64 MiB): the largest member or bank CSV accepted.
 */
export interface MembershipConfig {
  branchAuthorityBodies: Array<'EC' | 'CC'>;
  apportionmentMethod: ApportionmentMethod;
  apportionmentMinimumSeats: number;
  csvMaxBytes: number;
}

/** From the platform's `AppConfig.env` (bound in `MembershipModule`). */
export function loadMembershipConfig(env: Env): MembershipConfig {
  return {
    branchAuthorityBodies: envList(env, 'BRANCH_AUTHORITY_BODIES', ['EC'], { allowed: ['EC', 'CC'] as const, normalize: (s) => s.toUpperCase(), expected: 'must list EC and/or CC' }),
    apportionmentMethod: envOneOf(env, 'APPORTIONMENT_METHOD', ['largest-remainder', 'sainte-lague'] as const, 'largest-remainder'),
    apportionmentMinimumSeats: envInteger(env, 'APPORTIONMENT_MINIMUM_SEATS', 1, { min: 0, max: 1000 }),
    csvMaxBytes: envInteger(env, 'MEMBER_CSV_MAX_BYTES', 64 * 1024 * 1024, { min: 1024, unit: 'bytes' }),
  };
}

export const MEMBERSHIP_CONFIG = Symbol('MEMBERSHIP_CONFIG');
