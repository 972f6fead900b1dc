import { ConfigError } from '@org/platform';
import type { ElectionStatutes } from '../domain';

/**
 * The statutes' values this context needs, read once from the environment and validated at
 * boot (a bad value stops the process with a message naming the variable). They are set for
 * the organization, never per election, so a returning officer cannot shorten a nomination
 * period or lower the number of nominators.
 *
 * - `ELECTIONS_NOMINATION_PERIOD_DAYS` (default 14): E1, days nominations must be open before an acclamation.
 * - `ELECTIONS_NOMINATORS` (default 3): S2, member nominators a candidate needs.
 * - `ELECTIONS_MIN_PUBLISHED_ELECTORATE` (default 20): E3, smallest electorate whose individual ballots are published.
 * - `ELECTIONS_BALLOT_BATCH` (default 32): ballots held in the shuffle buffer before they are moved,
 *   shuffled, into the ballot table (the anonymity set of a batch; see README, "Secrecy").
 */
export interface ElectionsConfig extends ElectionStatutes {
  ballotBatchSize: number;
}

export const ELECTIONS_CONFIG = Symbol('ELECTIONS_CONFIG');

const whole = (env: Record<string, string | undefined>, name: string, dflt: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${v}`);
  return v;
};

export function loadElectionsConfig(env: Record<string, string | undefined> = process.env): ElectionsConfig {
  return {
    nominationPeriodDays: whole(env, 'ELECTIONS_NOMINATION_PERIOD_DAYS', 14, 1, 365),
    nominatorsRequired: whole(env, 'ELECTIONS_NOMINATORS', 3, 1, 100),
    minimumPublishedElectorate: whole(env, 'ELECTIONS_MIN_PUBLISHED_ELECTORATE', 20, 2, 1_000_000),
    ballotBatchSize: whole(env, 'ELECTIONS_BALLOT_BATCH', 32, 1, 10_000),
  };
}
