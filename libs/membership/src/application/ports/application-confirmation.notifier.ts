import type { Tx } from '@org/platform';

/**
 * How the register asks for the e-mail that confirms a membership application (bound to the
 * notifications outbox by the app). Written in the caller's transaction; sent later. The link is
 * a secret: it works once.
 */
export abstract class ApplicationConfirmationNotifier {
  abstract confirmApplication(m: Tx, to: { email: string }, confirmUrl: string, validHours: number): Promise<void>;
  /**
   * Sent instead of the link when someone applies with an address that already belongs to a
   * membership or an account: says so, with how to sign in and reset the password. No secret.
   */
  abstract addressAlreadyMember(m: Tx, to: { email: string }): Promise<void>;
}
