import { envBoolean, envDuration, envInteger, envOneOf, type Env } from '@org/platform';
import {
  DEFAULT_APPEAL_WINDOW_DAYS,
  DEFAULT_EVIDENCE_POLICY,
  DEFAULT_LOOK_BACK_YEARS,
  DEFAULT_OUTCOME_PUBLICATION_POLICY,
  DEFAULT_PANEL_SIZE,
  DEFAULT_PUBLICATION_LAG_DAYS,
  DEFAULT_REPORTING_PERIOD,
  DEFAULT_SUPPRESSION_THRESHOLD,
  MAX_REVIEW_DAYS,
  REPORTING_PERIOD_KINDS,
  deadlinePolicy,
  type DeadlinePolicy,
  type EvidencePolicy,
  type OutcomePublicationPolicy,
  type ReportingPeriodKind,
} from '../domain';

/**
 * The statutes' values for the disciplinary process — one settings object, read once at boot
 * from the environment and validated (a bad value stops the process with the variable's name).
 * What the statutes fix (one delay of at most 14 days, nobody can suppress a notice) is not a
 * setting at all.
 *
 * | variable                                 | default | meaning                                          |
 * |------------------------------------------|---------|--------------------------------------------------|
 * | DISCIPLINE_TRIAGE_DAYS                   | 7       | receipt → triage                                 |
 * | DISCIPLINE_PANEL_DAYS                    | 14      | triage → panel seated                            |
 * | DISCIPLINE_FINDING_DAYS                  | 60      | panel seated → finding                           |
 * | DISCIPLINE_INTERIM_HOURS                 | 72      | serious complaint → interim-measures decision    |
 * | DISCIPLINE_LOOK_BACK_YEARS               | 5       | recusal window for shared branches and bodies    |
 * | DISCIPLINE_PANEL_SIZE                    | 3       | panelists per case, remand and appeals panel     |
 * | DISCIPLINE_DEADLINE_JOB_MINUTES          | 15      | how often the deadlines job runs; 0 = never      |
 * | DISCIPLINE_APPEAL_WINDOW_DAYS            | 30      | decision → appeal window closes                  |
 * | DISCIPLINE_OUTCOME_REVIEW_DAYS           | 5       | complainant's review of a notice (at most 14)    |
 * | DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS  | false   | outcome notices name a warned respondent         |
 * | DISCIPLINE_NAME_RESPONDENT_FOR_CONDITIONS| true    | … and one under conditions                       |
 * | DISCIPLINE_EVIDENCE_MAX_BYTES            | 20 MB   | evidence size (the HTTP body limit applies too)  |
 * | DISCIPLINE_TRANSPARENCY_THRESHOLD        | 3       | small cells suppressed (at least 3)              |
 * | DISCIPLINE_TRANSPARENCY_PERIOD           | quarter | month, quarter, half-year or year                |
 * | DISCIPLINE_TRANSPARENCY_LAG_DAYS         | 14      | period end → report published (1–90)             |
 * | DISCIPLINE_JOBS_INTERVAL_MS              | 5000    | how often the proceedings' jobs run; 0 = never   |
 *
 * Read with the platform's typed environment helpers (`envInteger`, `envDuration`, `envBoolean`,
 * `envOneOf`): a bad value is a `ConfigError` naming the variable, what it must be and what it was.
 * The jobs never run by themselves in tests (NODE_ENV=test): tests call them directly.
 */
export interface DisciplineSettings {
  readonly deadlines: DeadlinePolicy;
  readonly lookBackYears: number;
  readonly panelSize: number;
  readonly deadlineJobMinutes: number;
  /** Non-member email verification: code lifetime, attempts, token lifetime. */
  readonly verification: { readonly codeMinutes: number; readonly maxAttempts: number; readonly tokenHours: number };
  readonly appealWindowDays: number;
  readonly publication: OutcomePublicationPolicy;
  readonly evidence: EvidencePolicy;
  readonly transparencyThreshold: number;
  /** The report is published per period only. */
  readonly transparencyPeriod: ReportingPeriodKind;
  /** Days after a period ends before its report is computed and published. */
  readonly transparencyLagDays: number;
  readonly jobsIntervalMs: number;
}

export const DISCIPLINE_SETTINGS = Symbol('DISCIPLINE_SETTINGS');

/** A whole number within [min, max], the unit named in the message; a bad value is the platform's `ConfigError`. */
const int = (env: Env, name: string, dflt: number, min: number, max: number, unit?: string): number => envInteger(env, name, dflt, { min, max, unit });

export function loadDisciplineSettings(env: Env = process.env): DisciplineSettings {
  return {
    deadlines: deadlinePolicy({
      triageDays: envDuration(env, 'DISCIPLINE_TRIAGE_DAYS', 7, 'days', { min: 1, max: 365 }),
      panelSeatedDays: envDuration(env, 'DISCIPLINE_PANEL_DAYS', 14, 'days', { min: 1, max: 365 }),
      findingDays: envDuration(env, 'DISCIPLINE_FINDING_DAYS', 60, 'days', { min: 1, max: 730 }),
      interimMeasuresHours: envDuration(env, 'DISCIPLINE_INTERIM_HOURS', 72, 'hours', { min: 1, max: 24 * 30 }),
    }),
    lookBackYears: int(env, 'DISCIPLINE_LOOK_BACK_YEARS', DEFAULT_LOOK_BACK_YEARS, 1, 50, 'years'),
    panelSize: int(env, 'DISCIPLINE_PANEL_SIZE', DEFAULT_PANEL_SIZE, 1, 15, 'panelists'),
    deadlineJobMinutes: envDuration(env, 'DISCIPLINE_DEADLINE_JOB_MINUTES', 15, 'minutes', { min: 0, max: 24 * 60, hint: '0: never' }),
    verification: { codeMinutes: 30, maxAttempts: 5, tokenHours: 24 },
    appealWindowDays: envDuration(env, 'DISCIPLINE_APPEAL_WINDOW_DAYS', DEFAULT_APPEAL_WINDOW_DAYS, 'days', { min: 1, max: 365 }),
    publication: {
      reviewDays: envDuration(env, 'DISCIPLINE_OUTCOME_REVIEW_DAYS', DEFAULT_OUTCOME_PUBLICATION_POLICY.reviewDays, 'days', { min: 1, max: MAX_REVIEW_DAYS }),
      nameRespondentForWarnings: envBoolean(env, 'DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS', DEFAULT_OUTCOME_PUBLICATION_POLICY.nameRespondentForWarnings),
      nameRespondentForConditions: envBoolean(env, 'DISCIPLINE_NAME_RESPONDENT_FOR_CONDITIONS', DEFAULT_OUTCOME_PUBLICATION_POLICY.nameRespondentForConditions),
    },
    evidence: {
      ...DEFAULT_EVIDENCE_POLICY,
      maxBytes: int(env, 'DISCIPLINE_EVIDENCE_MAX_BYTES', DEFAULT_EVIDENCE_POLICY.maxBytes, 1, 100 * 1024 * 1024, 'bytes'),
    },
    transparencyThreshold: int(env, 'DISCIPLINE_TRANSPARENCY_THRESHOLD', DEFAULT_SUPPRESSION_THRESHOLD, 3, 1000),
    transparencyPeriod: envOneOf(env, 'DISCIPLINE_TRANSPARENCY_PERIOD', REPORTING_PERIOD_KINDS, DEFAULT_REPORTING_PERIOD),
    transparencyLagDays: envDuration(env, 'DISCIPLINE_TRANSPARENCY_LAG_DAYS', DEFAULT_PUBLICATION_LAG_DAYS, 'days', { min: 1, max: 90 }),
    jobsIntervalMs: envDuration(env, 'DISCIPLINE_JOBS_INTERVAL_MS', 5_000, 'milliseconds', { min: 0, max: 86_400_000, hint: '0: never' }),
  };
}
