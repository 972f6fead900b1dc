/**
 * Public API of the disciplinary domain, part 1: intake and the case life cycle, access,
 * recusal, panel draw, deadlines, interim measures and the restrictions interface.
 * Framework-free; to be merged into the domain index with part 2.
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
