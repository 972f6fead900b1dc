export { AuditModule } from './audit.module';
export { AuditLog, type AuditEvent, type AuditEntryView } from './application/audit-log';
export { verifyAuditChain, type VerifyResult } from './application/verify-audit-chain';
export type { ChainBreak } from './domain/audit-chain';
