/**
 * The disciplinary domain's public face inside the context: intake and the case life cycle,
 * access, recusal, panel draw, deadlines, interim measures and restrictions; investigation,
 * findings and sanctions, appeals, outcome notices, the transparency report, pattern matching
 * and readmission. Framework-free. The cryptography (envelope encryption, matching key) is
 * exported from `../crypto`.
 */

// Primitives
export * from './case/calendar';
export * from './case/identifiers';

// Case
export * from './case/case.errors';
export * from './case/case.types';
export * from './case/case.events';
export * from './case/case-reference';
export * from './case/case-access.policy';
export { Case } from './case/case.aggregate';

// Recusal (S3)
export * from './recusal/recusal.types';
export { computeRecusal, eligibleFor, isEligible, DEFAULT_LOOK_BACK_YEARS } from './recusal/recusal.engine';
export * from './recusal/panel-challenge';

// Panel
export * from './panel/panel-draw';
export * from './panel/duty-rotation';
export * from './panel/ad-hoc-panel';

// Deadlines (S6)
export type { DeadlinePolicy, CaseDeadline } from './deadlines/deadline.policy';
export {
  DEFAULT_DEADLINE_POLICY,
  deadlinePolicy,
  deadlinesFor,
  overdue,
  escalateOverdue,
} from './deadlines/deadline.policy';

// Interim measures and restrictions (S5, S13)
export * from './interim/interim-measures';
export * from './interim/restrictions';
export * from './interim/measure-enforcement';

// Findings and sanctions (S7)
export type { Transition } from './finding/time';
export * from './finding/sanction.value-object';
export * from './finding/sanction-vocabulary';
export * from './finding/sanction-effects.value-object';
export * from './finding/majority.policy';
export * from './finding/finding-alteration.policy';
export * from './finding/finding.errors';
export * from './finding/finding.entity';

export * from './appeal/appeal.errors';
export * from './appeal/appeal.entity';
export * from './appeal/appeal-majority.policy';

export * from './outcome/outcome-notice.errors';
export * from './outcome/outcome-notice-facts.value-object';
export * from './outcome/outcome-notice.entity';

export * from './transparency/small-cell-suppression.policy';
export * from './transparency/transparency-report.read-model';
export * from './transparency/reporting-period';

export * from './matching/match-group.entity';

export * from './readmission/readmission.errors';
export * from './readmission/readmission-decision.entity';
export * from './readmission/rejoin.policy';

export * from './investigation/investigation.errors';
export * from './investigation/statement-register.entity';
export * from './investigation/interview.entity';
export * from './investigation/content-type.sniffer';
export * from './investigation/evidence-metadata.value-object';
export * from './investigation/case-message.entity';

// The sanction kinds are the kernel's one list
export * from './sanction-kinds';
