import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Transporter } from 'nodemailer';
import type { Logger } from '@org/platform';
import { MailTransport, type OutgoingMail, type SentMail } from '../application/mail-transport.port';
import { loadNodemailer } from './nodemailer.loader';

/**
 * The embedded default (no `SMTP_URL`): each message becomes an `.eml` file under
 * `<DATA_DIR>/mail/`, named after its outbox row, so a resend overwrites rather than
 * duplicates, and a new user can open what was sent in any mail client.
 */
export class FileMailTransport extends MailTransport {
  readonly kind = 'files';
  /** Made on the first message: a process that sends none never loads nodemailer. */
  private composer: Transporter | null = null;

  constructor(private readonly dir: string, private readonly logger: Logger) {
    super();
  }

  async send(mail: OutgoingMail): Promise<SentMail> {
    this.composer ??= loadNodemailer().createTransport({ streamTransport: true, buffer: true, newline: 'unix' } as never);
    const info = (await this.composer.sendMail({
      messageId: mail.messageId,
      from: mail.from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: mail.headers,
      date: new Date(),
    })) as unknown as { message: Buffer };
    const id = /^<outbox-([0-9a-f-]+)@/.exec(mail.messageId)?.[1] ?? mail.messageId.replace(/[^A-Za-z0-9.-]/g, '_');
    await fs.promises.mkdir(this.dir, { recursive: true });
    const file = path.join(this.dir, `${id}.eml`);
    const tmp = `${file}.tmp`;
    await fs.promises.writeFile(tmp, info.message);
    await fs.promises.rename(tmp, file);
    this.logger.info({ path: file }, 'email written to a file (no SMTP_URL set)');
    return { response: file };
  }

  async close(): Promise<void> {
    this.composer?.close();
  }
}
