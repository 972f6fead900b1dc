import { envDuration, envInteger, envOneOf, type Env } from '@org/platform';
import type { ElectionStatutes } from '../domain';
import { VACANCY_RULES, type VacancyRule } from '../domain/counting';

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
 * - `ELECTIONS_TURNOUT_CELL_MINIMUM` (default 10): turnout per branch shows no figure below it ("fewer than N").
 * - `ELECTIONS_REMINDER_HOURS` (default 24): the one reminder to voters who have not voted goes out
 *   this long before the close.
 * - `ELECTIONS_REMINDER_JOB_MINUTES` (default 10; 0 = only on request, always so when NODE_ENV=test): how often the
 *   `election-reminders` job looks for elections due a reminder.
  * - `ELECTIONS_VACANCY_RULE` (default `countback`): how a seat left by a winner is filled —
 *   `countback` (the original ballots counted again without them, the other winners kept elected)
 *   or `next-highest` (the next candidate of the original count).
 */
export interface ElectionsConfig extends ElectionStatutes {
  ballotBatchSize: number;
  turnoutCellMinimum: number;
  reminderHours: number;
  reminderJobMinutes: number;
  vacancyRule: VacancyRule;
}

export const ELECTIONS_CONFIG = Symbol('ELECTIONS_CONFIG');

/** From the platform's `AppConfig.env` (bound in `ElectionsModule`). */
export function loadElectionsConfig(env: Env): ElectionsConfig {
  return {
    nominationPeriodDays: envDuration(env, 'ELECTIONS_NOMINATION_PERIOD_DAYS', 14, 'days', { min: 1, max: 365 }),
    nominatorsRequired: envInteger(env, 'ELECTIONS_NOMINATORS', 3, { min: 1, max: 100 }),
    minimumPublishedElectorate: envInteger(env, 'ELECTIONS_MIN_PUBLISHED_ELECTORATE', 20, { min: 2, max: 1_000_000 }),
    ballotBatchSize: envInteger(env, 'ELECTIONS_BALLOT_BATCH', 32, { min: 1, max: 10_000 }),
    turnoutCellMinimum: envInteger(env, 'ELECTIONS_TURNOUT_CELL_MINIMUM', 10, { min: 2, max: 10_000 }),
    reminderHours: envInteger(env, 'ELECTIONS_REMINDER_HOURS', 24, { min: 1, max: 24 * 60 }),
    reminderJobMinutes: env.NODE_ENV === 'test' ? 0 : envInteger(env, 'ELECTIONS_REMINDER_JOB_MINUTES', 10, { min: 0, max: 24 * 60 }),
    vacancyRule: vacancyRuleOf(env),
  };
}

function vacancyRuleOf(env: Env): VacancyRule {
  return envOneOf(env, 'ELECTIONS_VACANCY_RULE', VACANCY_RULES, 'countback');
}
