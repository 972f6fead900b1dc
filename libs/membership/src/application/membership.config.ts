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

export class MembershipConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`Configuration error: ${variable} ${problem}`);
    this.name = 'MembershipConfigError';
  }
}

export function loadMembershipConfig(env: Record<string, string | undefined> = process.env): MembershipConfig {
  const bodies = (env.BRANCH_AUTHORITY_BODIES || 'EC').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
  for (const b of bodies) if (b !== 'EC' && b !== 'CC') throw new MembershipConfigError('BRANCH_AUTHORITY_BODIES', `must list EC and/or CC, got "${b}"`);
  const method = env.APPORTIONMENT_METHOD || 'largest-remainder';
  if (method !== 'largest-remainder' && method !== 'sainte-lague') {
    throw new MembershipConfigError('APPORTIONMENT_METHOD', `must be largest-remainder or sainte-lague, got "${method}"`);
  }
  const minimum = env.APPORTIONMENT_MINIMUM_SEATS ?? '1';
  if (!/^\d+$/.test(minimum) || Number(minimum) > 1000) throw new MembershipConfigError('APPORTIONMENT_MINIMUM_SEATS', `must be a whole number from 0 to 1000, got "${minimum}"`);
  const maxBytes = env.MEMBER_CSV_MAX_BYTES ?? String(64 * 1024 * 1024);
  if (!/^\d+$/.test(maxBytes) || Number(maxBytes) < 1024) throw new MembershipConfigError('MEMBER_CSV_MAX_BYTES', `must be a whole number of bytes ≥ 1024, got "${maxBytes}"`);
  return {
    branchAuthorityBodies: bodies as Array<'EC' | 'CC'>,
    apportionmentMethod: method,
    apportionmentMinimumSeats: Number(minimum),
    csvMaxBytes: Number(maxBytes),
  };
}

export const MEMBERSHIP_CONFIG = Symbol('MEMBERSHIP_CONFIG');
