import { envInteger, envUrl, type Env } from '@org/platform';
import { DEFAULT_COUNT_FLOOR, DEFAULT_FORMATION_THRESHOLD, type CaucusRules } from '../domain';

/**
 * The statutes' values for caucuses, read once at boot from the platform's copy of the
 * environment (a bad value stops the process with the variable's name).
 *
 * | variable                     | default        | meaning                                                       |
 * |------------------------------|----------------|---------------------------------------------------------------|
 * | CAUCUS_FORMATION_THRESHOLD   | 5              | members who must sign a formation request for it to form (2–10000) |
 * | CAUCUS_COUNT_FLOOR           | 5              | below this, people outside a caucus are told "fewer than N" (1–1000) |
 * | CAUCUSES_DATABASE_URL        | DATABASE_URL   | the context's own login (a member of role `commons_caucuses`) |
 */
export interface CaucusSettings {
  readonly rules: CaucusRules;
  readonly databaseUrl?: string;
}

export const CAUCUS_SETTINGS = Symbol('CAUCUS_SETTINGS');

export function loadCaucusSettings(env: Env): CaucusSettings {
  return {
    rules: {
      formationThreshold: envInteger(env, 'CAUCUS_FORMATION_THRESHOLD', DEFAULT_FORMATION_THRESHOLD, { min: 2, max: 10_000, unit: 'members' }),
      countFloor: envInteger(env, 'CAUCUS_COUNT_FLOOR', DEFAULT_COUNT_FLOOR, { min: 1, max: 1000, unit: 'members' }),
    },
    databaseUrl: envUrl(env, 'CAUCUSES_DATABASE_URL', ['postgres:', 'postgresql:']),
  };
}
