import { ConfigError } from '@org/platform';
import { DEFAULT_LOOK_BACK_YEARS, DEFAULT_PANEL_SIZE, deadlinePolicy, type DeadlinePolicy } from '../domain';

/**
 * The statutes' values for the disciplinary process, read once at boot from the environment and
 * validated (a bad value stops the process with the variable's name):
 *
 * | variable                          | default | meaning                                          |
 * |-----------------------------------|---------|--------------------------------------------------|
 * | DISCIPLINE_TRIAGE_DAYS            | 7       | receipt → triage                                 |
 * | DISCIPLINE_PANEL_DAYS             | 14      | triage → panel seated                            |
 * | DISCIPLINE_FINDING_DAYS           | 60      | panel seated → finding                           |
 * | DISCIPLINE_INTERIM_HOURS          | 72      | serious complaint → interim-measures decision    |
 * | DISCIPLINE_LOOK_BACK_YEARS        | 5       | recusal window for shared branches and bodies    |
 * | DISCIPLINE_PANEL_SIZE             | 3       | panelists per case                               |
 * | DISCIPLINE_DEADLINE_JOB_MINUTES   | 15      | how often the deadlines job runs; 0 = never      |
 *
 * The deadlines job never runs in tests (NODE_ENV=test): tests call it directly.
 */
export interface DisciplineSettings {
  readonly deadlines: DeadlinePolicy;
  readonly lookBackYears: number;
  readonly panelSize: number;
  readonly deadlineJobMinutes: number;
  /** Non-member email verification: code lifetime, attempts, token lifetime. */
  readonly verification: { readonly codeMinutes: number; readonly maxAttempts: number; readonly tokenHours: number };
}

export const DISCIPLINE_SETTINGS = Symbol('DISCIPLINE_SETTINGS');

const int = (env: Record<string, string | undefined>, name: string, dflt: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${v}`);
  return v;
};

export function loadDisciplineSettings(env: Record<string, string | undefined> = process.env): DisciplineSettings {
  return {
    deadlines: deadlinePolicy({
      triageDays: int(env, 'DISCIPLINE_TRIAGE_DAYS', 7, 1, 365),
      panelSeatedDays: int(env, 'DISCIPLINE_PANEL_DAYS', 14, 1, 365),
      findingDays: int(env, 'DISCIPLINE_FINDING_DAYS', 60, 1, 730),
      interimMeasuresHours: int(env, 'DISCIPLINE_INTERIM_HOURS', 72, 1, 24 * 30),
    }),
    lookBackYears: int(env, 'DISCIPLINE_LOOK_BACK_YEARS', DEFAULT_LOOK_BACK_YEARS, 1, 50),
    panelSize: int(env, 'DISCIPLINE_PANEL_SIZE', DEFAULT_PANEL_SIZE, 1, 15),
    deadlineJobMinutes: int(env, 'DISCIPLINE_DEADLINE_JOB_MINUTES', 15, 0, 24 * 60),
    verification: { codeMinutes: 30, maxAttempts: 5, tokenHours: 24 },
  };
}
