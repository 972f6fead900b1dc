import type { Tx } from '@org/platform';

/** How identity asks for an email to be sent (bound to the notifications outbox by the app). */
export abstract class IdentityNotifier {
  /** Writes the message in the caller's transaction; sending happens later, outside the request. */
  abstract passwordReset(manager: Tx, to: { accountId: string; email: string; memberId: string | null }, resetUrl: string): Promise<void>;
}
