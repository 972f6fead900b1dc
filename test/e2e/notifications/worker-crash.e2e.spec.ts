import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as nodemailer from 'nodemailer';
import { MailTransport, type OutgoingMail, type SentMail } from '@org/notifications';
import { createNotificationsTestApp, messageIdOf, MODES, RedisForTests, type NotificationsTestApp } from './support/notifications-app';
import { startSmtpSink, type SinkReply, type SmtpSink } from './support/smtp-sink';
import { sleep, waitFor } from './support/wait';

/**
 * A sender that dies after the SMTP server accepted a message but before the row was marked sent:
 * the message is delivered again — at most once more, with the same Message-ID — and nothing
 * is lost. Several senders at once never send a message twice.
 */
const redis = new RedisForTests();
afterAll(() => redis.close());

/** Sends for real, then never returns: the process "died" holding the message. */
class DiesAfterAcceptance extends MailTransport {
  readonly kind = 'test-dies-after-acceptance';
  private readonly smtp: nodemailer.Transporter;
  private zombies: ((e: Error) => void)[] = [];
  accepted = 0;
  constructor(url: string) {
    super();
    this.smtp = nodemailer.createTransport(url);
  }
  async send(mail: OutgoingMail): Promise<SentMail> {
    await this.smtp.sendMail({ messageId: mail.messageId, from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    this.accepted++;
    return new Promise<SentMail>((_, reject) => this.zombies.push(reject));
  }
  /** The "dead" process comes back to life and reports a failure it never had time to report. */
  wakeZombies(): void {
    for (const z of this.zombies.splice(0)) z(Object.assign(new Error('connection reset'), { code: 'ECONNRESET' }));
  }
  async close(): Promise<void> {
    this.smtp.close();
  }
}

describe('a sender killed mid-job (in-process, direct transport)', () => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    // The API does not send here: two "workers" do, on the same database.
    t = await createNotificationsTestApp({ mode: 'direct', apiSettings: { dispatch: false } });
  });
  afterAll(() => t?.close());

  it('is delivered by another sender after the lease ends, at most once more, with the same Message-ID; the zombie cannot undo it', async () => {
    const dying = new DiesAfterAcceptance(t.sink.url);
    const workerA = await t.startWorker({ redisUrl: null, transport: dying });
    const m = await t.make.member();
    const { outboxIds } = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'T', text: 'x' } });
    await waitFor('worker A handed the message to the server', () => dying.accepted === 1);
    // "Kill" A: it stops claiming; its send never returns. Its lease (2.5 s) runs out.
    const closingA = workerA.close();
    const [held] = await t.db.dataSource.query(`SELECT status, attempts, lease_owner FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
    expect(held).toMatchObject({ status: 'pending', attempts: 1 });
    expect(held.lease_owner).toMatch(/^direct:/);

    const workerB = await t.startWorker({ redisUrl: null });
    await waitFor('worker B delivered it', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]))[0].status === 'sent', 15_000);
    const copies = t.sink.accepted().filter((x) => x.to === m.email);
    expect(copies.length).toBeGreaterThanOrEqual(1);
    expect(copies.length).toBeLessThanOrEqual(2);
    expect(new Set(copies.map((c) => c.messageId))).toEqual(new Set([messageIdOf(outboxIds[0], t.config)]));

    // The zombie wakes up and reports a connection error: the row stays sent.
    dying.wakeZombies();
    await closingA;
    const [after] = await t.db.dataSource.query(`SELECT status, attempts, lease_owner FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
    expect(after).toEqual({ status: 'sent', attempts: 2, lease_owner: null });
    const c = await t.counts();
    expect(c.sent + c.failed).toBe(c.total);
    await workerB.close();
  });
});

describe.each(MODES)('several senders at once — %s transport', (mode) => {
  let t: NotificationsTestApp;
  beforeAll(async () => {
    t = await createNotificationsTestApp({ mode, redisUrl: mode === 'queue' ? await redis.start() : null, settings: { concurrency: 3 } });
    await t.startWorker();
    if (mode === 'queue') await t.startWorker();
  });
  afterAll(() => t?.close());

  it('deliver 60 messages exactly once each (claims skip each other’s rows)', async () => {
    const branch = await t.make.branch();
    const members: { email: string }[] = [];
    for (let i = 0; i < 60; i++) members.push(await t.make.member({ branchId: branch }));
    await t.ds.transaction((m) => t.outbox.fanOutToMembers(m, { type: 'announcement', data: { title: 'All hands', text: 'Meeting' }, audience: { branchId: branch }, essential: true }));
    await waitFor('all 60 delivered', async () => (await t.counts()).sent === 60, 30_000);
    const got = t.sink.accepted().filter((x) => members.some((mm) => mm.email === x.to));
    expect(got).toHaveLength(60);
    expect(new Set(got.map((g) => g.messageId)).size).toBe(60);
    const c = await t.counts();
    expect(c).toEqual({ pending: 0, sent: 60, failed: 0, total: 60 });
  });
});

/**
 * The real thing: `apps/worker` started as separate processes and killed with SIGKILL while the
 * SMTP server holds the message. Needs a database the child processes can reach (DATABASE_URL,
 * real PostgreSQL) and Redis.
 */
const realProcesses = !!process.env.DATABASE_URL && MODES.includes('queue');
if (!realProcesses) {
  console.warn(
    'notifications: the SIGKILL-a-worker-process test is SKIPPED — it needs DATABASE_URL (a PostgreSQL the worker processes can reach) and Redis; the in-process crash test above still runs.',
  );
}
(realProcesses ? describe : describe.skip)('a worker process killed with SIGKILL mid-job (real processes, queue transport)', () => {
  let t: NotificationsTestApp;
  let sink: SmtpSink;
  const children: ChildProcess[] = [];
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-worker-'));
  beforeAll(async () => {
    sink = await startSmtpSink();
    t = await createNotificationsTestApp({ mode: 'queue', redisUrl: await redis.start(), worker: false, sink });
  });
  afterAll(async () => {
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await t?.close();
    await sink?.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  const startWorkerProcess = (): ChildProcess => {
    const root = path.resolve(__dirname, '../../..');
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'apps/worker/src/main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'warn',
        DATA_DIR: dataDir,
        DATABASE_URL: t.db.url,
        REDIS_URL: t.config.redisUrl,
        SMTP_URL: sink.url,
        NOTIFY_QUEUE_NAME: t.settings.queueName,
        NOTIFY_LEASE_MS: '2500',
        NOTIFY_QUEUE_LEASE_MS: '2500',
        NOTIFY_POLL_MS: '100',
        NOTIFY_QUEUE_LOCK_MS: '2000',
      },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    children.push(child);
    return child;
  };

  it('the message is delivered by the next worker, at most once more, with the same Message-ID', async () => {
    const first = startWorkerProcess();
    let killed = false;
    sink.reply = async (): Promise<SinkReply> => {
      if (!killed) {
        killed = true;
        first.kill('SIGKILL');
        await new Promise((r) => first.once('exit', r));
      }
      return 'accept';
    };
    const m = await t.make.member();
    const { outboxIds } = await t.enqueue({ type: 'announcement', recipient: { memberId: m.id }, essential: true, data: { title: 'T', text: 'x' } });
    await waitFor('the first worker took the message and died', () => killed && first.signalCode === 'SIGKILL', 60_000);
    const [held] = await t.db.dataSource.query(`SELECT status, attempts FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]);
    expect(held).toEqual({ status: 'pending', attempts: 1 });

    startWorkerProcess();
    await waitFor('delivered by the second worker', async () => (await t.db.dataSource.query(`SELECT status FROM notifications.outbox WHERE id = $1`, [outboxIds[0]]))[0].status === 'sent', 60_000);
    await sleep(500);
    const copies = sink.received.filter((x) => x.to === m.email);
    expect(copies.length).toBe(2); // the one the dead worker handed over, and one more
    expect(new Set(copies.map((c) => c.messageId))).toEqual(new Set([messageIdOf(outboxIds[0], t.config)]));
    const c = await t.counts();
    expect(c.sent + c.failed).toBe(c.total);
  });
});
