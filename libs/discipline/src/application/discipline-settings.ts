import { ConfigError } from '@org/platform';
import { DomainError } from '@org/kernel';
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

type Env = Record<string, string | undefined>;

/** The case-handling values: a bad one is a `ConfigError` naming the variable. */
const int = (env: Env, name: string, dflt: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw)) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const v = Number(raw);
  if (v < min || v > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${v}`);
  return v;
};

/** The proceedings' values: a bad one is `discipline.invalid_configuration` naming the variable. */
const count = (env: Env, name: string, dflt: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new DomainError('invalid', 'discipline.invalid_configuration', `Configuration error: ${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return Number(raw);
};

const bool = (env: Env, name: string, dflt: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new DomainError('invalid', 'discipline.invalid_configuration', `Configuration error: ${name} must be true or false, got "${raw}".`);
};

const periodKind = (env: Env): ReportingPeriodKind => {
  const raw = env.DISCIPLINE_TRANSPARENCY_PERIOD;
  if (raw === undefined || raw === '') return DEFAULT_REPORTING_PERIOD;
  if (!(REPORTING_PERIOD_KINDS as readonly string[]).includes(raw)) {
    throw new DomainError('invalid', 'discipline.invalid_configuration', `Configuration error: DISCIPLINE_TRANSPARENCY_PERIOD must be one of ${REPORTING_PERIOD_KINDS.join(', ')}, got "${raw}".`);
  }
  return raw as ReportingPeriodKind;
};

export function loadDisciplineSettings(env: Env = process.env): DisciplineSettings {
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
    appealWindowDays: count(env, 'DISCIPLINE_APPEAL_WINDOW_DAYS', DEFAULT_APPEAL_WINDOW_DAYS, 1, 365),
    publication: {
      reviewDays: count(env, 'DISCIPLINE_OUTCOME_REVIEW_DAYS', DEFAULT_OUTCOME_PUBLICATION_POLICY.reviewDays, 1, MAX_REVIEW_DAYS),
      nameRespondentForWarnings: bool(env, 'DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS', DEFAULT_OUTCOME_PUBLICATION_POLICY.nameRespondentForWarnings),
      nameRespondentForConditions: bool(env, 'DISCIPLINE_NAME_RESPONDENT_FOR_CONDITIONS', DEFAULT_OUTCOME_PUBLICATION_POLICY.nameRespondentForConditions),
    },
    evidence: {
      ...DEFAULT_EVIDENCE_POLICY,
      maxBytes: count(env, 'DISCIPLINE_EVIDENCE_MAX_BYTES', DEFAULT_EVIDENCE_POLICY.maxBytes, 1, 100 * 1024 * 1024),
    },
    transparencyThreshold: count(env, 'DISCIPLINE_TRANSPARENCY_THRESHOLD', DEFAULT_SUPPRESSION_THRESHOLD, 3, 1000),
    transparencyPeriod: periodKind(env),
    transparencyLagDays: count(env, 'DISCIPLINE_TRANSPARENCY_LAG_DAYS', DEFAULT_PUBLICATION_LAG_DAYS, 1, 90),
    jobsIntervalMs: count(env, 'DISCIPLINE_JOBS_INTERVAL_MS', 5_000, 0, 86_400_000),
  };
}
