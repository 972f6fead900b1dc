/** The elections domain (plain TypeScript). Counting lives in `./counting` (see COUNTING.md). */
export * from './election/election.entity';
export * from './election/election.errors';
export * from './nomination/candidacy.entity';
export * from './ballot/election-methods';
export * from './ballot/ballot-paper';
export * from './ballot/ballot-count';
export * from './ballot/ballot-order';
export * from './ballot/turnout';
export * from './ballot/receipt-code';
export * from './congress/congress.entity';
export { CountingErrorCode } from './counting';
export type { CountResult, MotionResult } from './counting';
