/**
 * `npm run invitations -- --import <id>`: the operator follows a large import's invitations —
 * written to the outbox batch by batch, then delivered — with a progress bar, and gets the counts
 * of sent, failed and without an address. (The task runs here in-process against the test's
 * database; the script only boots the platform around it.)
 */
import { followImportInvitations, progressBar } from '../../../apps/api/src/operator/import-invitations.task';
import { mailsTo, startMailWorker } from '../../support/invitations';
import { MembershipFactories } from '../../support/membership.factories';
import { createTestApp, type TestApp } from '../../support/test-app';

const HEADER = 'first_name,last_name,email,phone,branch_code,joined_on,status,email_consent';

describe('operator CLI: an import’s invitations with a progress bar', () => {
  let t: TestApp;
  let worker: Awaited<ReturnType<typeof startMailWorker>>;
  beforeAll(async () => {
    // Nothing writes queued invitations in the background: only the task under test does.
    t = await createTestApp({ env: { INVITATION_DISPATCH_MS: '0' } });
    worker = await startMailWorker(t);
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('draws the bar', () => {
    expect(progressBar(30, 60, 10)).toBe('[#####-----]  50%  30/60');
    expect(progressBar(0, 0, 4)).toBe('[####] 100%  0/0');
  });

  it('writes the queued invitations in batches, follows their delivery, and reports sent, failed and without an address', async () => {
    const f = new MembershipFactories(t);
    const branch = await t.make.branch('CLI branch');
    const [{ code }] = await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [branch]);
    const secretary = await f.secretary(branch);
    const rows = Array.from({ length: 120 }, (_, i) => `Cli${i},Member,cli${i}@example.org,,${code},2020-01-01,active,yes`);
    rows.push(`Nomail,Member,,,${code},2020-01-01,active,`);
    const res = await t.http().post('/members/import?mode=apply').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from([HEADER, ...rows].join('\n')));
    expect(res.status).toBe(200);
    const batchId = res.body.batchId as string;
    const before = await t.http().get(`/imports/${batchId}/invitations`).set(secretary.auth);
    expect(before.body).toMatchObject({ members: 121, queued: 121, sent: 0, done: false });
    // The queue's statistics are fresh as soon as the import commits, so that the dispatch claims
    // each batch from the queue's index instead of sorting the whole queue.
    const [{ reltuples }] = await t.db.dataSource.query(`SELECT reltuples::int AS reltuples FROM pg_class WHERE oid = 'identity.invitations'::regclass`);
    expect(reltuples).toBeGreaterThanOrEqual(121);

    const chunks: string[] = [];
    const result = await followImportInvitations(t.app, batchId, { isTTY: false, write: (c: string) => chunks.push(c) }, { batchSize: 50, pollMs: 100, timeoutMs: 60_000 });
    const out = chunks.join('');
    expect(out).toContain('Writing invitations  [');
    expect(out).toMatch(/ 50\/121\n/);
    expect(out).toMatch(/100\/121\n/);
    expect(out).toMatch(/121\/121\n/);
    expect(out).toMatch(/Sending invitations .*100%  120\/120  sent 120, failed 0\n$/);
    expect(out).not.toMatch(/@example\.org|token=/);
    expect(result).toEqual({ members: 121, sent: 120, failed: 0, queued: 0, withoutEmail: 1 });
    const after = await t.http().get(`/imports/${batchId}/invitations`).set(secretary.auth);
    expect(after.body).toMatchObject({ members: 121, queued: 0, sent: 120, failed: 0, withoutEmail: 1, done: true });

    expect(await followImportInvitations(t.app, '00000000-0000-4000-8000-000000000000', { write: () => undefined })).toBeNull();
  });

  it('stores the code of conduct once for all the welcomes of an import, and each welcome still carries it', async () => {
    const f = new MembershipFactories(t);
    const branch = await t.make.branch('Welcome branch');
    const [{ code }] = await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [branch]);
    const secretary = await f.secretary(branch);
    const text = 'We listen before we answer. '.repeat(80);
    await t.db.dataSource.query(
      `INSERT INTO identity.code_of_conduct_versions (version, title, body, published_at) SELECT COALESCE(max(version), 0) + 1, 'Code of Conduct', $1, now() FROM identity.code_of_conduct_versions`,
      [text],
    );
    const rows = Array.from({ length: 60 }, (_, i) => `Wel${i},Member,welcome${i}@example.org,,${code},2020-01-01,active,yes`);
    const res = await t.http().post('/members/import?mode=apply').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from([HEADER, ...rows].join('\n')));
    expect(res.status).toBe(200);
    const batchId = res.body.batchId as string;
    const result = await followImportInvitations(t.app, batchId, { write: () => undefined }, { batchSize: 25, pollMs: 100, timeoutMs: 60_000 });
    expect(result).toMatchObject({ members: 60, sent: 60, failed: 0 });

    const welcomes = await t.db.dataSource.query(
      `SELECT n.data, n.text_digest FROM notifications.notices n JOIN membership.members m ON n.dedupe_key = 'welcome:' || m.id WHERE m.import_batch_id = $1`,
      [batchId],
    );
    expect(welcomes).toHaveLength(60);
    expect(welcomes.every((w: { data: object }) => !('codeOfConductText' in w.data))).toBe(true);
    expect(new Set(welcomes.map((w: { text_digest: string }) => w.text_digest)).size).toBe(1);
    const [stored] = await t.db.dataSource.query(`SELECT body FROM notifications.notice_texts WHERE digest = $1`, [welcomes[0].text_digest]);
    expect(stored.body).toBe(text);
    // The welcome is e-mailed after the invitation, by the in-process sender: wait until it is written.
    let mail = '';
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 100))) {
      mail = mailsTo(t, 'welcome7@example.org').join('\n');
      if (mail.includes('Code of Conduct')) break;
    }
    expect(mail).toContain('We listen before we answer.');
    expect(mail).toContain('Code of Conduct');
  });
});
