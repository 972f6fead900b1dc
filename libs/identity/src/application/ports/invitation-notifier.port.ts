import type { Tx } from '@org/platform';

/** S14: what the welcome carries — the code of conduct, how to reach the Control Commission, who sits on it. */
export interface WelcomeContent {
  firstName: string;
  codeOfConduct: { version: number; title: string; text: string } | null;
  commissioners: string[];
}

/**
 * One member of a batch of issued invitations: their invitation e-mail (when there is an address
 * to send it to), and the dedupe key of their welcome. The member's first name is read from the
 * register where the messages are written, inside the database.
 */
export interface InvitationAndWelcome {
  memberId: string;
  invitation: { email: string; activationUrl: string; dedupeKey: string } | null;
  welcomeDedupeKey: string;
}

/** How identity's invitation and address e-mails are written (bound by the app to the notifications outbox). */
export abstract class InvitationNotifier {
  /** The activation e-mail; `dedupeKey` makes a retried write a no-op, and groups an import's invitations. */
  abstract invitation(m: Tx, to: { email: string }, d: { firstName: string; activationUrl: string; validDays: number }, dedupeKey: string): Promise<void>;
  /** The welcome (feed and e-mail to the member's address when they have one). */
  abstract welcome(m: Tx, memberId: string, d: WelcomeContent, dedupeKey: string): Promise<void>;
  /**
   * A batch of invitations and welcomes, written set-based inside the database (a few statements
   * for the batch, whatever its size); the first names, addresses and dates are the register's.
   * A dedupe key seen before writes nothing. Returns the members not found in the register (for
   * them nothing is written).
   */
  abstract invitationsAndWelcomes(
    m: Tx,
    items: readonly InvitationAndWelcome[],
    welcome: Omit<WelcomeContent, 'firstName'>,
    validDays: number,
  ): Promise<{ notInRegister: string[] }>;
  /** A change of address: the confirmation link to the new address, a notice to the old one. */
  abstract emailChange(m: Tx, d: { oldEmail: string | null; newEmail: string; confirmUrl: string }): Promise<void>;
  /** Delivery counts of the invitation e-mails whose dedupe key starts with this prefix. */
  abstract progress(m: Tx, dedupePrefix: string): Promise<{ pending: number; sent: number; failed: number }>;
}
