import { SMTPServer } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface ReceivedMail {
  messageId: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  raw: ParsedMail;
  at: number;
  /** The reply the sink gave: 250 when accepted. */
  reply: number;
}

/** What the sink answers to one message: accept, or an SMTP error code and text. */
export type SinkReply = 'accept' | { code: number; message: string };

export interface SmtpSink {
  url: string;
  port: number;
  /** Every message whose DATA arrived, whatever the reply. */
  received: ReceivedMail[];
  /** Only those the sink accepted (250). */
  accepted(): ReceivedMail[];
  /** Decides the reply to each message (default: accept everything). */
  reply: (mail: { to: string; messageId: string; attempt: number }) => SinkReply | Promise<SinkReply>;
  close(): Promise<void>;
}

/** An in-process SMTP server on 127.0.0.1:0 (no TLS, no auth) that parses what it receives. */
export async function startSmtpSink(): Promise<SmtpSink> {
  const attempts = new Map<string, number>();
  const sink: SmtpSink = {
    url: '',
    port: 0,
    received: [],
    accepted: () => sink.received.filter((m) => m.reply === 250),
    reply: () => 'accept',
    close: async () => undefined,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (mail) => {
          const to = session.envelope.rcptTo.map((r) => r.address).join(',');
          const messageId = mail.messageId ?? '';
          const attempt = (attempts.get(messageId) ?? 0) + 1;
          attempts.set(messageId, attempt);
          const decision = await sink.reply({ to, messageId, attempt });
          const reply = decision === 'accept' ? 250 : decision.code;
          sink.received.push({
            messageId,
            to,
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: mail.headers,
            raw: mail,
            at: Date.now(),
            reply,
          });
          if (decision === 'accept') return callback();
          const err = Object.assign(new Error(decision.message), { responseCode: decision.code });
          callback(err);
        })
        .catch((e) => callback(e));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  sink.port = port;
  sink.url = `smtp://127.0.0.1:${port}`;
  sink.close = () => new Promise<void>((resolve) => server.close(() => resolve()));
  return sink;
}
