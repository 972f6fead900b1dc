import { DomainError } from '@org/kernel';
import { DEFAULT_EVIDENCE_POLICY, type EvidencePolicy } from '../../domain/investigation/evidence-metadata.value-object';
import { DEFAULT_OUTCOME_PUBLICATION_POLICY, MAX_REVIEW_DAYS, type OutcomePublicationPolicy } from '../../domain/outcome/outcome-notice.entity';
import { DEFAULT_APPEAL_WINDOW_DAYS } from '../../domain/finding/finding.entity';
import { DEFAULT_SUPPRESSION_THRESHOLD } from '../../domain/transparency/small-cell-suppression.policy';
import { DEFAULT_PUBLICATION_LAG_DAYS, DEFAULT_REPORTING_PERIOD, REPORTING_PERIOD_KINDS, type ReportingPeriodKind } from '../../domain/transparency/reporting-period';

/**
 * The statutes' settings for the proceedings (part 2), read once from the environment and
 * checked at boot: a bad value stops the process with a message naming the variable.
 * What the statutes fix (one delay of at most 14 days, nobody can suppress a notice) is not a
 * setting at all.
 */
export interface ProceedingsSettings {
  /** DISCIPLINE_APPEAL_WINDOW_DAYS (default 30). */
  readonly appealWindowDays: number;
  /** DISCIPLINE_PANEL_SIZE: seats of a remand panel and of an appeals panel (default 3). */
  readonly panelSize: number;
  /** DISCIPLINE_OUTCOME_REVIEW_DAYS (default 5, at most 14) and the naming of respondents. */
  readonly publication: OutcomePublicationPolicy;
  /** DISCIPLINE_EVIDENCE_MAX_BYTES (default 20 MB; the HTTP body limit applies too). */
  readonly evidence: EvidencePolicy;
  /** DISCIPLINE_TRANSPARENCY_THRESHOLD (default 3, at least 3). */
  readonly transparencyThreshold: number;
  /** DISCIPLINE_TRANSPARENCY_PERIOD: month, quarter (default), half-year or year — the report is published per period only. */
  readonly transparencyPeriod: ReportingPeriodKind;
  /** DISCIPLINE_TRANSPARENCY_LAG_DAYS (default 14, 1–90): days after a period ends before its report is computed and published. */
  readonly transparencyLagDays: number;
  /** DISCIPLINE_LOOK_BACK_YEARS for recusal (default 5). */
  readonly lookBackYears: number;
  /** DISCIPLINE_JOBS_INTERVAL_MS: how often the scheduled jobs run (default 5 s; 0 = never; tests call them). */
  readonly jobsIntervalMs: number;
}

export const PROCEEDINGS_SETTINGS = Symbol('PROCEEDINGS_SETTINGS');

type Env = Record<string, string | undefined>;

function int(env: Env, name: string, dflt: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new DomainError('invalid', 'discipline.invalid_configuration', `Configuration error: ${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return Number(raw);
}

function bool(env: Env, name: string, dflt: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return dflt;
  if (['true', '1', 'yes'].includes(raw.toLowerCase())) return true;
  if (['false', '0', 'no'].includes(raw.toLowerCase())) return false;
  throw new DomainError('invalid', 'discipline.invalid_configuration', `Configuration error: ${name} must be true or false, got "${raw}".`);
}

function periodKind(env: Env): ReportingPeriodKind {
  const raw = env.DISCIPLINE_TRANSPARENCY_PERIOD;
  if (raw === undefined || raw === '') return DEFAULT_REPORTING_PERIOD;
  if (!(REPORTING_PERIOD_KINDS as readonly string[]).includes(raw)) {
    throw new DomainError('invalid', 'discipline.invalid_configuration', `Configuration error: DISCIPLINE_TRANSPARENCY_PERIOD must be one of ${REPORTING_PERIOD_KINDS.join(', ')}, got "${raw}".`);
  }
  return raw as ReportingPeriodKind;
}

export function loadProceedingsSettings(env: Env = process.env): ProceedingsSettings {
  return {
    appealWindowDays: int(env, 'DISCIPLINE_APPEAL_WINDOW_DAYS', DEFAULT_APPEAL_WINDOW_DAYS, 1, 365),
    panelSize: int(env, 'DISCIPLINE_PANEL_SIZE', 3, 1, 15),
    publication: {
      reviewDays: int(env, 'DISCIPLINE_OUTCOME_REVIEW_DAYS', DEFAULT_OUTCOME_PUBLICATION_POLICY.reviewDays, 1, MAX_REVIEW_DAYS),
      nameRespondentForWarnings: bool(env, 'DISCIPLINE_NAME_RESPONDENT_FOR_WARNINGS', DEFAULT_OUTCOME_PUBLICATION_POLICY.nameRespondentForWarnings),
      nameRespondentForConditions: bool(env, 'DISCIPLINE_NAME_RESPONDENT_FOR_CONDITIONS', DEFAULT_OUTCOME_PUBLICATION_POLICY.nameRespondentForConditions),
    },
    evidence: {
      ...DEFAULT_EVIDENCE_POLICY,
      maxBytes: int(env, 'DISCIPLINE_EVIDENCE_MAX_BYTES', DEFAULT_EVIDENCE_POLICY.maxBytes, 1, 100 * 1024 * 1024),
    },
    transparencyThreshold: int(env, 'DISCIPLINE_TRANSPARENCY_THRESHOLD', DEFAULT_SUPPRESSION_THRESHOLD, 3, 1000),
    transparencyPeriod: periodKind(env),
    transparencyLagDays: int(env, 'DISCIPLINE_TRANSPARENCY_LAG_DAYS', DEFAULT_PUBLICATION_LAG_DAYS, 1, 90),
    lookBackYears: int(env, 'DISCIPLINE_LOOK_BACK_YEARS', 5, 0, 100),
    jobsIntervalMs: int(env, 'DISCIPLINE_JOBS_INTERVAL_MS', 5_000, 0, 86_400_000),
  };
}
