/**
 * The membership context's public face: its Nest module, the register facade other contexts bind
 * their ports to, and the ports this context needs from others.
 */
export { MembershipModule } from './membership.module';
export {
  MembershipRegisterFacade,
  type RegisteredMember,
  type RegisteredPerson,
  type RegisteredContact,
  type RegisteredStatusChange,
  type RegisterDirectory,
} from './infrastructure/membership-register.facade';
export {
  MemberFactsFacade,
  type RegisterPerson,
  type NamedMember,
  type BranchStay,
  type PersonalDetails,
} from './infrastructure/member-facts.facade';
export { MemberSanctionsFacade, type SanctionedStatus } from './infrastructure/member-sanctions.facade';
export { StandingLookup } from './application/ports/standing-lookup.port';
export { MemberAccounts } from './application/ports/member-accounts.port';
export { AccountHolderDirectoryFacade } from './infrastructure/account-holder-directory.facade';
export { DuesLevelBook } from './application/ports/dues-level-book.port';
export { ApplicationConfirmationNotifier } from './application/ports/application-confirmation.notifier';
export { PendingApplicationsScheduler } from './application/pending-applications.scheduler';
export { OutboxApplicationConfirmationNotifier } from './infrastructure/outbox-application-confirmation.notifier';
export { loadMembershipConfig, type MembershipConfig } from './application/membership.config';
export {
  FoundOrganizationUseCase,
  FoundingFileRejected,
  type FoundingReport,
  type FoundedOfficer,
} from './application/founding/found-organization.use-case';
export { checkFoundingFile, foundingFileLines, parseFoundingJson, type FoundingProblem } from './application/founding/founding-file';
