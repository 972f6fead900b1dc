import { SchemasAndRoles1732233600000 } from './1732233600000-schemas-and-roles';
import { AuditLog1732233600100 } from './1732233600100-audit-log';
import { MembershipIdentityDuesCore1732233600200 } from './1732233600200-membership-identity-dues-core';
import { Notifications1732233601000 } from './1732233601000-notifications';
import { Membership1732233602000 } from './1732233602000-membership';
import { Dues1732233603000 } from './1732233603000-dues';
import { Discipline1732233604000 } from './1732233604000-discipline';
import { DisciplineProceedings1732233604500 } from './1732233604500-discipline-proceedings';
import { Elections1732233605000 } from './1732233605000-elections';
import { ElectionRecalls1732233606000 } from './1732233606000-election-recalls';
import { FormerMembersInNoBranch1733500002000 } from './1733500002000-former-members-in-no-branch';
import { ApplicationConfirmations1733500002100 } from './1733500002100-application-confirmations';
import { TransparencyPublishedPeriods1733500004000 } from './1733500004000-transparency-published-periods';
import { ComplaintsDirectoryBudget1733500004001 } from './1733500004001-complaints-directory-budget';
import { Founding1733500005000 } from './1733500005000-founding';
import { MemberAccounts1733500006000 } from './1733500006000-member-accounts';
import { InvitationSecretRule1733500006100 } from './1733500006100-invitation-secret-rule';
import { RejoinFingerprints1733500007000 } from './1733500007000-rejoin-fingerprints';
import { ImportMappings1733500007100 } from './1733500007100-import-mappings';
import { DisciplineRoleReadsNoCredentials1733500010000 } from './1733500010000-discipline-role-reads-no-credentials';
import { DisciplineRoleReadsOnlyWhatItsPortsAsk1733500030000 } from './1733500030000-discipline-role-reads-only-what-its-ports-ask';
import { JobRuns1733500040000 } from './1733500040000-job-runs';
import { SharedNoticeTexts1733500050000 } from './1733500050000-shared-notice-texts';
import { PaymentImportMappings1733500050100 } from './1733500050100-payment-import-mappings';
import { CongressFloor1733500110000 } from './1733500110000-congress-floor';

/** The one ordered stream of migrations. Append only; never edit a migration that has landed. */
export const migrations = [SchemasAndRoles1732233600000, AuditLog1732233600100, MembershipIdentityDuesCore1732233600200, Notifications1732233601000, Membership1732233602000, Dues1732233603000, Discipline1732233604000, DisciplineProceedings1732233604500, Elections1732233605000, ElectionRecalls1732233606000, FormerMembersInNoBranch1733500002000, ApplicationConfirmations1733500002100, TransparencyPublishedPeriods1733500004000, ComplaintsDirectoryBudget1733500004001, Founding1733500005000, MemberAccounts1733500006000, InvitationSecretRule1733500006100, RejoinFingerprints1733500007000, ImportMappings1733500007100, DisciplineRoleReadsNoCredentials1733500010000, DisciplineRoleReadsOnlyWhatItsPortsAsk1733500030000, JobRuns1733500040000, SharedNoticeTexts1733500050000, PaymentImportMappings1733500050100, CongressFloor1733500110000];
