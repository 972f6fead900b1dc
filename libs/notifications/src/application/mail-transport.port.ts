/** One email, fully rendered, as handed to a transport. */
export interface OutgoingMail {
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface SentMail {
  /** The server's reply, or where the message was written. */
  response: string;
}

/**
 * Sends one email. Implementations throw on failure with nodemailer-style fields
 * (`responseCode`, `code`, `response`), which `classifyDeliveryFailure` understands.
 */
export abstract class MailTransport {
  abstract send(mail: OutgoingMail): Promise<SentMail>;
  abstract close(): Promise<void>;
  /** For logs and the README: 'smtp' or 'files'. */
  abstract readonly kind: string;
}

/** Tests (or an embedding app) bind this to replace the configured transport. */
export const MAIL_TRANSPORT_OVERRIDE = Symbol('MAIL_TRANSPORT_OVERRIDE');
