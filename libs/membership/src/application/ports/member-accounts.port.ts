import type { Tx } from '@org/platform';

/**
 * What the register tells the accounts side (bound by the app to identity's account provisioning),
 * always inside the register's own transaction: a rollback leaves no account, a retry creates none twice.
 */
export abstract class MemberAccounts {
  /**
   * Members admitted or imported: an account each (no password), their invitation and their
   * welcome (S14). An import calls it once per batch of members as it writes them, then
   * `importApplied` once its last batch is written.
   */
  abstract membersJoined(
    m: Tx,
    members: ReadonlyArray<{ memberId: string; email: string | null; firstName: string }>,
    origin: { kind: 'admission' } | { kind: 'import'; batchId: string; importedBy: string | null },
  ): Promise<unknown>;
  /** An import's last batch is written: its invitations are written now (a small import) or left queued for the dispatch. */
  abstract importApplied(m: Tx, batchId: string): Promise<unknown>;
  /** The member (or null: none) of each sign-in account using this address (case-insensitive). */
  abstract accountHoldersOf(m: Tx, email: string): Promise<ReadonlyArray<{ memberId: string | null }>>;
  /** Membership ended or lapsed: their sessions end now (a former member signs in again for what S1 leaves them). */
  abstract membersLeft(m: Tx, memberIds: readonly string[], reason: 'resigned' | 'lapsed' | 'expelled'): Promise<unknown>;
}
