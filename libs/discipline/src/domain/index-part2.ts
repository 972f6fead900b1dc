/**
 * Public API of the disciplinary domain, part 2: investigation, findings and sanctions, appeals,
 * outcome notices, the transparency report, pattern matching and readmission. Framework-free.
 * The cryptography (envelope encryption, matching key) is exported from `../crypto`.
 */
export type { Transition } from './finding/time';
export * from './finding/sanction.value-object';
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
