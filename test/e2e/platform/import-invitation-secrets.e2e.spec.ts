/**
 * A large import's invitations are issued in the database, batch by batch: each queued invitation
 * gets its own secret link (drawn there from the server's CSPRNG, only its SHA-256 stored), the
 * link activates the account once, a batch that fails leaves nothing behind, and running the
 * dispatch again invites nobody twice.
 */
import { createHash } from 'node:crypto';
import { AccountProvisioning, InvitationNotifier } from '@org/identity';
import { OutboxInvitationNotifier } from '@org/notifications';
import { linkMailedTo, startMailWorker, tokenOf } from '../../support/invitations';
import { MembershipFactories } from '../../support/membership.factories';
import { createTestApp, type TestApp } from '../../support/test-app';

const HEADER = 'first_name,last_name,email,phone,branch_code,joined_on,status,email_consent';

/** A switch a test flips to make the next batch's e-mails fail, inside the dispatch's transaction. */
const failures = { nextBatch: false };

describe('a large import’s invitations: secrets drawn in the database, batches that fail or run twice', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startMailWorker>>;
  let f: MembershipFactories;
  let code: string;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  beforeAll(async () => {
    t = await createTestApp({
      // Nothing writes queued invitations in the background: only the calls under test do.
      env: { INVITATION_DISPATCH_MS: '0' },
      overrides: [
        {
          provide: InvitationNotifier,
          inject: [OutboxInvitationNotifier],
          useFactory: (real: OutboxInvitationNotifier) =>
            Object.assign(Object.create(real), {
              invitationsAndWelcomes: async (...args: Parameters<OutboxInvitationNotifier['invitationsAndWelcomes']>) => {
                if (failures.nextBatch) {
                  failures.nextBatch = false;
                  throw new Error('simulated failure while writing a batch of invitations');
                }
                return real.invitationsAndWelcomes(...args);
              },
            }),
        },
      ],
    });
    worker = await startMailWorker(t);
    f = new MembershipFactories(t);
    const branch = await t.make.branch('Secrets branch');
    [{ code }] = await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [branch]);
    secretary = await f.secretary(branch);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  const importMembers = async (prefix: string, n: number): Promise<string> => {
    const rows = Array.from({ length: n }, (_, i) => `${prefix}${i},Member,${prefix.toLowerCase()}${i}@example.org,,${code},2020-01-01,active,yes`);
    const res = await t.http().post('/members/import?mode=apply').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from([HEADER, ...rows].join('\n')));
    expect(res.status).toBe(200);
    return res.body.batchId as string;
  };
  const invitationsOf = (batchId: string): Promise<Array<{ member_id: string; status: string; secret_hash: string | null; issued_at: Date | null; expires_at: Date | null; email: string }>> =>
    t.db.dataSource.query(
      `SELECT i.member_id, i.status, i.secret_hash, i.issued_at, i.expires_at, a.email FROM identity.invitations i JOIN identity.accounts a ON a.id = i.account_id WHERE i.batch_ref = $1`,
      [batchId],
    );
  const noticesOf = async (batchId: string): Promise<{ invitations: number; welcomes: number }> => {
    const [r] = await t.db.dataSource.query(
      `SELECT count(*) FILTER (WHERE n.dedupe_key LIKE $1)::int AS invitations,
              count(*) FILTER (WHERE n.dedupe_key IN (SELECT 'welcome:' || m.id FROM membership.members m WHERE m.import_batch_id = $2::uuid))::int AS welcomes
         FROM notifications.notices n`,
      [`invitation:${batchId}:%`, batchId],
    );
    return r;
  };
  const dispatchAll = async (batch: number): Promise<number> => {
    let total = 0;
    for (let n = await t.app.get(AccountProvisioning).dispatchQueued(batch); n > 0; n = await t.app.get(AccountProvisioning).dispatchQueued(batch)) total += n;
    return total;
  };

  it('each invitation gets its own 256-bit link, only its SHA-256 stored, valid 14 days; the link activates the account once', async () => {
    const batchId = await importMembers('Sec', 60);
    // The member who already set a password (an account activated in the meantime) gets the welcome, no link.
    const [done] = await invitationsOf(batchId);
    await t.db.dataSource.query(`UPDATE identity.accounts SET password_hash = 'set-elsewhere' WHERE member_id = $1`, [done.member_id]);
    expect(await dispatchAll(25)).toBe(60);

    const rows = await invitationsOf(batchId);
    const issued = rows.filter((r) => r.status === 'issued');
    expect(issued).toHaveLength(59);
    expect(rows.find((r) => r.member_id === done.member_id)).toMatchObject({ status: 'withdrawn', secret_hash: null });
    expect(issued.every((r) => /^[0-9a-f]{64}$/.test(r.secret_hash ?? ''))).toBe(true);
    expect(new Set(issued.map((r) => r.secret_hash)).size).toBe(59);
    expect(issued.every((r) => new Date(r.expires_at!).getTime() - new Date(r.issued_at!).getTime() === 14 * 86_400_000)).toBe(true);
    expect(await noticesOf(batchId)).toEqual({ invitations: 59, welcomes: 60 });

    const tokens: string[] = [];
    for (const r of issued.slice(0, 3)) {
      const token = tokenOf(await linkMailedTo(t, r.email, 'Activate your account'));
      // 32 random-looking bytes, base64url: the same form as every other link of the platform.
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(createHash('sha256').update(token).digest('hex')).toBe(r.secret_hash);
      tokens.push(token);
    }
    expect(new Set(tokens).size).toBe(3);
    const stored = JSON.stringify(await t.db.dataSource.query(`SELECT * FROM identity.invitations WHERE batch_ref = $1`, [batchId]));
    expect(tokens.some((x) => stored.includes(x))).toBe(false);

    expect((await t.http().post('/auth/activate').send({ token: tokens[0], password: 'imported-password-1' })).status).toBe(200);
    expect((await t.http().post('/auth/activate').send({ token: tokens[0], password: 'imported-password-2' })).status).not.toBe(200);
  });

  it('a batch that fails leaves its invitations queued without a secret; the retry invites each member once, a further run nobody', async () => {
    const batchId = await importMembers('Retry', 55);
    failures.nextBatch = true;
    await expect(t.app.get(AccountProvisioning).dispatchQueued(100)).rejects.toThrow(/simulated failure/);
    const after = await invitationsOf(batchId);
    expect(after.every((r) => r.status === 'queued' && r.secret_hash === null && r.issued_at === null)).toBe(true);
    expect(await noticesOf(batchId)).toEqual({ invitations: 0, welcomes: 0 });

    expect(await dispatchAll(20)).toBe(55);
    expect(await dispatchAll(20)).toBe(0);
    const rows = await invitationsOf(batchId);
    expect(rows.filter((r) => r.status === 'issued')).toHaveLength(55);
    expect(await noticesOf(batchId)).toEqual({ invitations: 55, welcomes: 55 });
    const [{ outbox }] = await t.db.dataSource.query(
      `SELECT count(*)::int AS outbox FROM notifications.outbox o JOIN notifications.notices n ON n.id = o.notice_id WHERE n.dedupe_key LIKE $1`,
      [`invitation:${batchId}:%`],
    );
    expect(outbox).toBe(55);
  });
});
