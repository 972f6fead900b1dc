import { SchemasAndRoles1732233600000 } from './1732233600000-schemas-and-roles';
import { AuditLog1732233600100 } from './1732233600100-audit-log';
import { MembershipIdentityDuesCore1732233600200 } from './1732233600200-membership-identity-dues-core';

/** The one ordered stream of migrations. Append only; never edit a migration that has landed. */
export const migrations = [SchemasAndRoles1732233600000, AuditLog1732233600100, MembershipIdentityDuesCore1732233600200];
