import { FixedClock } from '@org/platform';
import { createTestApp, type TestApp } from '../../support/test-app';
import { MembershipFactories } from '../../support/membership.factories';

const HEADER = 'first_name,last_name,email,phone,branch_code,joined_on,status,email_consent';

describe('membership: CSV import (dry run, all or nothing), export and search', () => {
  let t: TestApp;
  let f: MembershipFactories;
  let branchA: string;
  let codeA: string;
  let codeB: string;
  let secretary: Awaited<ReturnType<MembershipFactories['secretary']>>;
  const clock = new FixedClock(new Date('2026-06-01T12:00:00Z'));

  beforeAll(async () => {
    t = await createTestApp({ clock });
    f = new MembershipFactories(t);
    branchA = await t.make.branch('Import A');
    const branchB = await t.make.branch('Import B');
    [codeA, codeB] = (await t.db.dataSource.query(`SELECT code FROM membership.branches WHERE id = ANY($1) ORDER BY name`, [[branchA, branchB]])).map((r: { code: string }) => r.code);
    secretary = await f.secretary(branchA);
    await t.make.member({ branchId: branchA, email: 'already@example.org' });
  });
  afterAll(() => t.close());

  const importCsv = (body: string | Buffer, mode: 'dry-run' | 'apply', auth = secretary.auth) =>
    t.http().post(`/members/import?mode=${mode}`).set(auth).set('content-type', 'text/csv').send(typeof body === 'string' ? Buffer.from(body, 'utf8') : body);

  const count = async () => Number((await t.db.dataSource.query(`SELECT count(*) AS n FROM membership.members`))[0].n);

  it('the dry run reports every row — accepted or rejected and why — and changes nothing', async () => {
    const before = await count();
    const csv = [
      HEADER,
      `Ada,Lovelace,ada@example.org,+44 20 7946 0100,${codeA},2019-04-01,active,yes`,
      `Bob,,already@example.org,,${codeA},2019-04-01,active,`,
      `Cy,Press,cy@example.org,,${codeB},2019-04-01,active,`,
      `Dee,Fault,dee@example.org,,${codeA},2030-01-01,suspended,maybe`,
      `Eve,Same,ada@example.org,,${codeA},2020-01-01,lapsed,no`,
    ].join('\n');
    const res = await importCsv(csv, 'dry-run');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ mode: 'dry-run', ok: false, accepted: 0, rejected: 5, applied: false });
    const rows = Object.fromEntries(res.body.rows.map((r: { row: number; errors: { field: string }[] }) => [r.row, r.errors.map((e) => e.field).sort()]));
    expect(rows).toEqual({
      2: ['email'], // also used on row 6
      3: ['email'], // already in the register
      4: ['branch_code'], // another branch: unknown to this secretary
      5: ['email_consent', 'joined_on', 'status'],
      6: ['email'],
    });
    expect(res.body.rows.find((r: { row: number }) => r.row === 3).errors[0].message).toMatch(/already belongs to a member/);
    expect(await count()).toBe(before);
  });

  it('applying a file with one bad row imports nothing and names the row', async () => {
    const before = await count();
    const csv = [HEADER, `Fay,Good,fay@example.org,,${codeA},2018-01-01,active,yes`, `Gil,Bad,gil@example,,${codeA},2018-01-01,active,yes`].join('\n');
    const res = await importCsv(csv, 'apply');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('import_rejected');
    expect(res.body.message).toMatch(/row 3/);
    expect(res.body.details).toEqual([{ row: 3, errors: [expect.objectContaining({ field: 'email' })] }]);
    expect(await count()).toBe(before);
  });

  it('applying a good file imports every row in one go, with histories; the same file again imports nothing', async () => {
    const before = await count();
    const csv = [
      HEADER + ',member_number',
      `Hana,Ito,hana@example.org,,${codeA.toLowerCase()},2017-03-01,active,yes,OLD-17`,
      `Ivo,Lapse,ivo@example.org,,${codeA},2016-03-01,lapsed,no,`,
      `Jo,Applies,jo@example.org,,${codeA},2026-05-30,applicant,,`,
    ].join('\r\n');
    const res = await importCsv(csv, 'apply');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ ok: true, accepted: 3, applied: true, alreadyApplied: false });
    expect(await count()).toBe(before + 3);
    const rows = await t.db.dataSource.query(
      `SELECT m.first_name, m.status, m.register_number, m.branch_id, m.application_branch_id, m.import_batch_id IS NOT NULL AS batch,
              (SELECT string_agg(coalesce(from_status, '-') || '>' || to_status || '@' || effective_on, ' ' ORDER BY id) FROM membership.status_history h WHERE h.member_id = m.id) AS history
         FROM membership.members m WHERE m.email IN ('hana@example.org', 'ivo@example.org', 'jo@example.org') ORDER BY m.first_name`,
    );
    expect(rows).toEqual([
      { first_name: 'Hana', status: 'active', register_number: 'OLD-17', branch_id: branchA, application_branch_id: null, batch: true, history: '->active@2017-03-01' },
      { first_name: 'Ivo', status: 'lapsed', register_number: expect.stringMatching(/^M\d+$/), branch_id: branchA, application_branch_id: null, batch: true, history: '->active@2016-03-01 active>lapsed@2026-06-01' },
      { first_name: 'Jo', status: 'applicant', register_number: expect.stringMatching(/^M\d+$/), branch_id: null, application_branch_id: branchA, batch: true, history: '->applicant@2026-05-30' },
    ]);
    const again = await importCsv(csv, 'apply');
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ alreadyApplied: true, applied: false, batchId: res.body.batchId });
    expect(await count()).toBe(before + 3);
  });

  it('a wrong header or a bad encoding is a 400 that names the row', async () => {
    const header = await importCsv(`first_name;last_name;email\nA;B;c@example.org\n`, 'dry-run');
    expect(header.status).toBe(400);
    expect(header.body.code).toBe('csv_bad_header');
    expect(header.body.message).toMatch(/row 1/);
    const latin1 = Buffer.concat([Buffer.from(`${HEADER}\nAda,Lovelace,a1@example.org,,${codeA},2019-04-01,active,\nJos`), Buffer.from([0xe9]), Buffer.from(`,Doe,j@example.org,,${codeA},2019-04-01,active,\n`)]);
    const enc = await importCsv(latin1, 'dry-run');
    expect(enc.status).toBe(400);
    expect(enc.body.code).toBe('csv_bad_encoding');
    expect(enc.body.message).toMatch(/row 3/);
    const json = await t.http().post('/members/import?mode=dry-run').set(secretary.auth).send({ csv: 'x' });
    expect(json.status).toBe(415);
    const mode = await t.http().post('/members/import?mode=now').set(secretary.auth).set('content-type', 'text/csv').send(Buffer.from(HEADER));
    expect(mode.status).toBe(400);
    expect(mode.body.details[0].field).toBe('mode');
  });

  it('exports the secretary’s branch as CSV in the import’s format', async () => {
    const res = await t.http().get('/members/export').set(secretary.auth);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/csv/);
    const lines = res.text.trim().split('\r\n');
    expect(lines[0]).toBe('member_number,first_name,last_name,email,phone,address,branch_code,joined_on,status,email_consent');
    expect(lines.some((l) => l.includes('hana@example.org') && l.includes('OLD-17'))).toBe(true);
    expect(lines.every((l, i) => i === 0 || l.includes(codeA))).toBe(true);
  });

  it('searches by name, status and standing with keyset pagination: every member once, in order', async () => {
    const branch = await t.make.branch('Search branch');
    const sec = await f.secretary(branch);
    const names = ['Zeta', 'Álvarez', 'alvarez', 'Baker', 'Öztürk', 'Ozturk', 'Young', 'Abbot', 'Nakamura', 'Baker'];
    for (const [i, last] of names.entries()) await t.make.member({ branchId: branch, firstName: `F${i}`, lastName: last });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: { items: Array<{ id: string; lastName: string }>; nextCursor: string | null } } = await t.http().get(`/members?pageSize=3${cursor ? `&cursor=${cursor}` : ''}`).set(sec.auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((x) => x.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor && pages < 10);
    expect(new Set(seen).size).toBe(11); // ten plus the secretary
    const byName = await t.http().get('/members?name=baker').set(sec.auth);
    expect(byName.body.items.map((x: { lastName: string }) => x.lastName)).toEqual(['Baker', 'Baker']);
    const statuses = await t.http().get('/members?status=lapsed,suspended').set(sec.auth);
    expect(statuses.body.items).toEqual([]);
    const badStatus = await t.http().get('/members?status=sleeping').set(sec.auth);
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.code).toBe('invalid_search_filter');
    const badCursor = await t.http().get('/members?cursor=%%%').set(sec.auth);
    expect(badCursor.status).toBe(400);
    const notGood = await t.http().get('/members?standing=not-good&pageSize=200').set(sec.auth);
    expect(notGood.body.items).toHaveLength(11); // standing never computed: not known to be good
  });
});
