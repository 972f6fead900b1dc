/**
 * A stable Message-ID derived from the outbox row: every attempt to send one row carries the same
 * id, so a crash between the server's acceptance and the row being marked sent can only produce
 * a duplicate that mail clients and servers recognize as the same message.
 */
export function messageIdFor(outboxId: string, host: string): string {
  if (!/^[0-9a-f-]{36}$/i.test(outboxId)) throw new Error('An outbox id is a uuid.');
  return `<outbox-${outboxId.toLowerCase()}@${host}>`;
}

/** The outbox row a Message-ID was made from, or null. */
export function outboxIdOf(messageId: string): string | null {
  const m = /^<outbox-([0-9a-f-]{36})@[^>]+>$/i.exec(messageId.trim());
  return m ? m[1].toLowerCase() : null;
}

/** The domain to put in Message-IDs: the sender address's domain, else the public URL's host. */
export function messageIdHost(mailFrom: string, publicUrl: string): string {
  const m = /@([A-Za-z0-9.-]+)>?\s*$/.exec(mailFrom);
  if (m) return m[1].toLowerCase();
  try {
    return new URL(publicUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}
