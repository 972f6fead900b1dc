import { createHash } from 'node:crypto';
import { AccountProvisioning } from '@org/identity';
import { MemberAccounts } from '@org/membership';
import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

const HEADER = 'first_name,last_name,email,phone,branch_code,joined_on,status';

/**
 * The member import reads the file as it arrives and keeps counts and the rows with a problem,
 * not every row: the report is bounded however many rows are wrong; an apply writes in batches
 * and still imports all rows or none.
 */
describe('membership: a large CSV import is read as a stream and reported without holding every row', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branch: string;
  let code: string;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  const clock = new FixedClock(new Date('2026-06-01T12:00:00Z'));
  /** How many members each call of the accounts port received (the real port, observed). */
  const joinedSizes: number[] = [];

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      overrides: [
        {
          provide: MemberAccounts,
          inject: [AccountProvisioning],
          useFactory: (real: AccountProvisioning) =>
            Object.assign(Object.create(real), {
              membersJoined: (...args: Parameters<AccountProvisioning['membersJoined']>) => {
                joinedSizes.push(args[1].length);
                return real.membersJoined(...args);
              },
            }),
        },
      ],
    });
    f = new MembershipFactories(t);
    branch = await t.make.branch('Streaming');
    [{ code }] = await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = $1`, [branch]);
    secretary = await f.secretary(branch);
  });
  afterAll(() => t.close());

  const importCsv = (body: Buffer, mode: 'dry-run' | 'apply') => t.http().post(`/members/import?mode=${mode}`).set(secretary.auth).set('content-type', 'text/csv').send(body);
  const count = async () => Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM membership.members`))[0].n);
  const file = (lines: string[]) => Buffer.from([HEADER, ...lines].join('\n') + '\n', 'utf8');
  const good = (tag: string, n: number) => Array.from({ length: n }, (_, i) => `Ann${tag},Row${i},${tag}.${i}@stream.example.org,,${code},2020-01-01,active`);

  it('a file of 3,000 wrong rows: every one counted, the first 1,000 listed with their problems, the rest counted as not shown', async () => {
    const bad = Array.from({ length: 3000 }, (_, i) => `Bea,Wrong${i},wrong.${i}@stream.example.org,,NO-SUCH,2020-01-01,active`);
    const res = await importCsv(file(bad), 'dry-run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: false, accepted: 0, rejected: 3000, rowsNotShown: 2000, skipped: 0, skippedRowsNotShown: 0 });
    expect(res.body.rows).toHaveLength(1000);
    expect(res.body.rows[0]).toEqual({ row: 2, ok: false, errors: [{ field: 'branch_code', message: 'unknown branch code "NO-SUCH"' }] });
    expect(res.body.rows[999].row).toBe(1001);
    expect(res.body.duplicates).toEqual({ exact: [], probable: [], exactNotShown: 0, probableNotShown: 0 });
  });

  it('accepted rows are only counted; a probable duplicate is listed as accepted with its warning', async () => {
    const lines = good('count', 50);
    lines.push(`Anncount,Row7,other.7@stream.example.org,+44 20 7946 0001,${code},2020-01-01,active`, `Anncount,Row7,another.7@stream.example.org,+44 20 7946 0001,${code},2020-01-01,active`);
    const res = await importCsv(file(lines), 'dry-run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, accepted: 52, rejected: 0, rowsNotShown: 0 });
    expect(res.body.rows).toEqual([
      { row: 52, ok: true, errors: [], warnings: [expect.objectContaining({ message: expect.stringMatching(/probably the same person as row 53/) })] },
      { row: 53, ok: true, errors: [], warnings: [expect.objectContaining({ message: expect.stringMatching(/probably the same person as row 52/) })] },
    ]);
  });

  it('an apply written in batches is still all or nothing: a wrong last row after 2,500 good ones imports nothing; the corrected file imports every row once', async () => {
    const before = await count();
    const rows = good('batch', 2500);
    const wrong = file([...rows, `Cal,Late,late@stream.example.org,,${code},2999-01-01,active`]);
    const refused = await importCsv(wrong, 'apply');
    expect(refused.status).toBe(400);
    expect(refused.body.code).toBe('import_rejected');
    expect(refused.body.message).toMatch(/row 2502/);
    expect(await count()).toBe(before);
    expect(Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM membership.import_batches`))[0].n)).toBe(0);
    // The first 2,000 members' accounts were opened while the file was read: rolled back with the rest.
    expect(joinedSizes).toEqual([2000]);
    expect(Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM identity.invitation_batches`))[0].n)).toBe(0);
    expect(Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM identity.accounts a LEFT JOIN membership.members m ON m.id = a.member_id WHERE a.member_id IS NOT NULL AND m.id IS NULL`))[0].n)).toBe(0);
    joinedSizes.length = 0;

    const right = file(rows);
    const applied = await importCsv(right, 'apply');
    expect(applied.status).toBe(200);
    expect(applied.body).toMatchObject({ ok: true, applied: true, accepted: 2500, rejected: 0, rows: [], fileSha256: createHash('sha256').update(right).digest('hex') });
    expect(await count()).toBe(before + 2500);
    const [batch] = await t.db.dataSource.query(`SELECT file_sha256, row_count, branch_ids FROM membership.import_batches WHERE id = $1`, [applied.body.batchId]);
    expect(batch).toEqual({ file_sha256: applied.body.fileSha256, row_count: 2500, branch_ids: [branch] });
    expect(Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM identity.accounts a JOIN membership.members m ON m.id = a.member_id WHERE m.import_batch_id = $1`, [applied.body.batchId]))[0].n)).toBe(2500);
    // The accounts side took the members batch by batch as they were written, never the whole file.
    expect(joinedSizes).toEqual([2000, 500]);
    const [invited] = await t.db.dataSource.query(
      `SELECT b.members, (SELECT count(*)::int FROM identity.invitations i WHERE i.batch_ref = b.batch_ref) AS invitations FROM identity.invitation_batches b WHERE b.batch_ref = $1`,
      [applied.body.batchId],
    );
    expect(invited).toEqual({ members: 2500, invitations: 2500 });

    const again = await importCsv(right, 'apply');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyApplied: true, applied: false, batchId: applied.body.batchId, accepted: 2500, fileSha256: applied.body.fileSha256 });
    expect(await count()).toBe(before + 2500);
  });
});
