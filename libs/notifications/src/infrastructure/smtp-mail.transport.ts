import type * as nodemailer from 'nodemailer';
import type { Logger } from '@org/platform';
import { MailTransport, type OutgoingMail, type SentMail } from '../application/mail-transport.port';
import { loadNodemailer } from './nodemailer.loader';

/**
 * Email through an SMTP server (`SMTP_URL`), pooled. Timeouts are well under the sender's lease,
 * so a hung server cannot make a row look abandoned while its sender still waits.
 */
export class SmtpMailTransport extends MailTransport {
  readonly kind = 'smtp';
  private readonly transporter: nodemailer.Transporter;

  constructor(smtpUrl: string, maxConnections: number, private readonly logger: Logger) {
    super();
    const url = new URL(smtpUrl);
    // One options object: nodemailer reads a second argument as *message* defaults, not as
    // transport options. Settings given in SMTP_URL's query string win over these.
    this.transporter = loadNodemailer().createTransport({
      url: smtpUrl,
      pool: true,
      maxConnections,
      maxMessages: 500,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
    this.logger.info({ host: url.hostname, port: url.port || undefined }, 'notifications: sending email over SMTP');
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    const info = await this.transporter.sendMail({
      messageId: mail.messageId,
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
    });
    if (info.rejected?.length) {
      // Not reachable with a single recipient (nodemailer throws), kept as a guard.
      throw Object.assign(new Error('recipient rejected'), { code: 'EENVELOPE', responseCode: 550, response: String(info.response ?? '') });
    }
    return { response: String(info.response ?? '') };
  }

  async close(): Promise<void> {
    this.transporter.close();
  }
}
