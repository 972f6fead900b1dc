import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { closeEmbeddedDatabases, loadConfig, openEmbeddedDatabase, SystemClock, type AppConfig } from '@org/platform';
import { createApp } from '../../../apps/api/src/bootstrap';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';

/**
 * The production path on an empty database (a fresh DATA_DIR, or a fresh PostgreSQL database
 * with DATABASE_URL): `npm run org:init -- --file …`, then the platform started with
 * SEED_DEMO=false, and the first officers signing in through the link e-mailed to them.
 */
const root = path.resolve(__dirname, '../../..');
const example = JSON.parse(fs.readFileSync(path.join(root, 'docs/examples/founding.example.json'), 'utf8'));
const onPostgres = !!process.env.DATABASE_URL;
const today = new Date().toISOString().slice(0, 10);

function orgInit(file: string, env: Record<string, string>): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const childEnv: Record<string, string | undefined> = { ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'warn', ...env };
    for (const k of ['DATABASE_URL', 'REDIS_URL', 'MIGRATION_DATABASE_URL']) if (!(k in env)) delete childEnv[k];
    execFile(process.execPath, ['-r', '@swc-node/register', 'scripts/org-init.ts', '--file', file], { cwd: root, env: childEnv, timeout: 170_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` });
    });
  });
}

describe(`founding an organization with npm run org:init (${onPostgres ? 'PostgreSQL' : 'embedded'})`, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'commons-founding-'));
  const dataDir = path.join(dir, 'data');
  const disciplineKey = randomBytes(32).toString('base64');
  let db: TestDatabase | undefined;
  let env: Record<string, string>;
  let app: NestFastifyApplication | undefined;
  let ds: DataSource;
  let config: AppConfig;
  const http = () => request(app!.getHttpServer());
  const write = (name: string, content: unknown) => {
    const f = path.join(dir, name);
    fs.writeFileSync(f, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
    return f;
  };
  const count = async (table: string): Promise<number> => (await ds.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n;

  beforeAll(async () => {
    if (onPostgres) {
      db = await createTestDatabase(); // migrated, empty
      // As in production on PostgreSQL: every process — org:init and the platform — holds the same
      // discipline key (a process with another one is refused at start).
      env = { DATABASE_URL: db.url!, DATA_DIR: dataDir, DISCIPLINE_KEY: disciplineKey };
    } else {
      env = { DATA_DIR: dataDir }; // a new DATA_DIR: org:init creates and migrates the embedded database
    }
  }, 120_000);

  afterAll(async () => {
    await app?.close();
    if (db) await db.close();
    else await closeEmbeddedDatabases();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks the whole file first and names each problem (field, what is wrong, what to do); nothing is written', async () => {
    const bad = structuredClone(example);
    bad.organization.timeZone = 'Europe/Atlantis';
    bad.branches[1].region = 'NOWHERE';
    bad.members[0].email = 'not-an-address';
    bad.bodies[0].seats[1].until = '2020-01-01';
    bad.bodies[2].seats[0].holder = 'nobody@example.org';
    bad.bodies[3].kind = 'POLITBURO';
    bad.codeOfConduct.text = [];
    bad.codeOfConduct.version = 2;
    const r = await orgInit(write('bad.json', bad), env);
    expect(r.code).toBe(2);
    expect(r.out).toContain('problem(s); nothing was written');
    for (const field of ['organization.timeZone', 'branches[1].region', 'members[0].email', 'bodies[0].seats[1].until', 'bodies[2].seats[0].holder', 'bodies[3].kind', 'codeOfConduct.text', 'codeOfConduct.version']) {
      expect(r.out).toMatch(new RegExp(`  ${field.replace(/[.[\]]/g, '\\$&')} \\(line \\d+\\): `));
    }
    expect(r.out).toContain('  organization.timeZone (line 5): "Europe/Atlantis" is not a time zone');
    expect(r.out).toContain('no member has the e-mail nobody@example.org');
    expect(r.out).toContain('→ use an IANA time zone name');
    expect(r.out).toMatch(/codeOfConduct\.text \(line \d+\): is an empty list\n\s+→ write the code's text: one string, or a list with one string per paragraph/);
    const tooLong = structuredClone(example);
    tooLong.codeOfConduct = { title: 'x'.repeat(201), text: 'y'.repeat(100_001) };
    const long = await orgInit(write('long.json', tooLong), env);
    expect(long.code).toBe(2);
    expect(long.out).toMatch(/codeOfConduct\.title \(line \d+\): must be 1 to 200 characters/);
    expect(long.out).toMatch(/codeOfConduct\.text \(line \d+\): must be 1 to 100000 characters/);
    const syntax = await orgInit(write('syntax.json', '{\n  "organization": { "name": "X", }\n}'), env);
    expect(syntax.code).toBe(2);
    expect(syntax.out).toMatch(/\(file\) line 2, column \d+: is not valid JSON/);
    expect(fs.existsSync(path.join(dataDir, 'pg'))).toBe(false);
  });

  it('S2 holds for founding mandates: an executive member seated on the Control Commission is refused, and so is a former EC member within the cooling-off period', async () => {
    const sitting = structuredClone(example);
    sitting.bodies[2].seats[0].holder = sitting.bodies[0].seats[0].holder;
    const r = await orgInit(write('s2.json', sitting), env);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/bodies\[2\]\.seats\[0\]\.holder \(line \d+\): aoife\.brennan@example\.org also holds bodies\[0\]\.seats\[0\] \(Executive Committee.*A member cannot hold a CCOM mandate while holding a EC mandate/);
    const former = structuredClone(example);
    former.formerMandates[0].until = '2025-01-31';
    const c = await orgInit(write('cooling.json', former), env);
    expect(c.code).toBe(2);
    expect(c.out).toMatch(/bodies\[2\]\.seats\[1\]\.holder \(line \d+\): .*cooling-off period of 12 months/);
    expect(c.out).toContain('start this mandate on 2026-01-31 or later');
  });

  it('founds the organization in one audited transaction; the officers sign in through the e-mailed link and a commissioner sees the (empty) case list', async () => {
    const r = await orgInit(path.join(root, 'docs/examples/founding.example.json'), env);
    expect(r.out).toContain('Founded in');
    expect(r.code).toBe(0);
    expect(r.out).toContain('Lena Fischer <lena.fischer@example.org> — Control Commission (member)');
    expect(r.out).not.toMatch(/token=/);

    // The platform starts on that database with SEED_DEMO=false.
    await startPlatform();

    const [org] = await ds.query(`SELECT name, time_zone, locale, currency FROM membership.organization`);
    expect(org).toEqual({ name: "Irish Workers' League", time_zone: 'Europe/Dublin', locale: 'en-IE', currency: 'EUR' });
    expect(await count('membership.branches')).toBe(4);
    expect(await count(`membership.branches WHERE region_id IS NOT NULL`)).toBe(4);
    expect(await count('identity.bodies')).toBe(9);
    expect(await count(`identity.mandates WHERE source_kind = 'founding'`)).toBe(27);
    expect(await count('identity.accounts WHERE password_hash IS NULL')).toBe(18);
    const [act] = await ds.query(`SELECT data, actor_id FROM audit.entries WHERE action = 'organization.founded'`);
    expect(act.data).toEqual(expect.objectContaining({ branches: 4, bodies: 9, mandates: 27, accounts: 18, codeOfConductVersion: 1 }));
    // The file's code of conduct is version 1, published by the founding act itself.
    expect(r.out).toContain('The code of conduct is published as version 1');
    const [published] = await ds.query(`SELECT actor_kind, actor_id FROM audit.entries WHERE action = 'code-of-conduct.published'`);
    expect(published).toEqual({ actor_kind: 'founding-act', actor_id: act.actor_id });
    const [code] = await ds.query(`SELECT version, title, body, published_by FROM identity.code_of_conduct_versions`);
    expect(code).toEqual({ version: 1, title: example.codeOfConduct.title, body: example.codeOfConduct.text.join('\n\n'), published_by: null });

    const signIn = async (email: string): Promise<string> => {
      const link = await resetLinkSentTo(ds, config.dataDir, email);
      const token = new URL(link).searchParams.get('token');
      const set = await http().post('/auth/password-reset/confirm').send({ token, newPassword: 'a long founding passphrase' });
      expect(set.status).toBe(200);
      const login = await http().post('/auth/login').send({ email, password: 'a long founding passphrase' });
      expect(login.status).toBe(200);
      return login.body.accessToken;
    };
    const commissioner = await signIn('lena.fischer@example.org');
    const me = await http().get('/me').set('authorization', `Bearer ${commissioner}`);
    expect(me.body.mandates.map((x: { bodyKind: string }) => x.bodyKind)).toEqual(['CCOM']);
    const cases = await http().get('/commission/cases').set('authorization', `Bearer ${commissioner}`);
    expect(cases.status).toBe(200);
    expect(cases.body).toEqual([]);
    const current = await http().get('/me/code-of-conduct').set('authorization', `Bearer ${commissioner}`);
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ version: 1, title: "Code of Conduct of the Irish Workers' League", acknowledgedAt: null });
    expect(current.body.text).toContain('4. Respect for every member.');
    const chair = await signIn('aoife.brennan@example.org');
    expect((await http().get('/me').set('authorization', `Bearer ${chair}`)).body.mandates.map((x: { bodyKind: string }) => x.bodyKind).sort()).toEqual(['CC', 'EC']);
  }, 180_000);

  it('refuses a database that is not empty, saying how to tell, and writes nothing', async () => {
    const before = await count('identity.mandates');
    if (!db) {
      // While the platform runs, the embedded data folder is locked: org:init refuses before opening it.
      const busy = await orgInit(path.join(root, 'docs/examples/founding.example.json'), env);
      expect(busy.code).toBe(1);
      expect(busy.out).toContain(`The data folder ${dataDir} is in use by another process`);
      await app!.close();
      await closeEmbeddedDatabases();
    }
    const r = await orgInit(path.join(root, 'docs/examples/founding.example.json'), env);
    if (!db) await startPlatform();
    expect(r.code).toBe(1);
    expect(r.out).toContain('The database already holds an organization (1 organization, 4 branches, 18 members, 9 bodies, 18 accounts)');
    expect(r.out).toContain('SELECT count(*) FROM membership.branches');
    expect(await count('identity.mandates')).toBe(before);
  }, 180_000);

  async function startPlatform(): Promise<void> {
    if (db) config = { ...db.config, disciplineKey };
    else config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, LOG_LEVEL: 'silent', SEED_DEMO: 'false' });
    const embedded = db ? db.embedded : await openEmbeddedDatabase(dataDir);
    app = await createApp({ config, embedded: db ? undefined : embedded, clock: new SystemClock() });
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    ds = app.get<DataSource>(getDataSourceToken());
  }

  describe('after founding', () => {
    let chair: string;
    let tariq: { id: string; token: string };
    beforeAll(async () => {
      chair = (await http().post('/auth/login').send({ email: 'aoife.brennan@example.org', password: 'a long founding passphrase' })).body.accessToken;
      const link = await resetLinkSentTo(ds, config.dataDir, 'tariq.haddad@example.org');
      await http().post('/auth/password-reset/confirm').send({ token: new URL(link).searchParams.get('token'), newPassword: 'another founding passphrase' });
      const token = (await http().post('/auth/login').send({ email: 'tariq.haddad@example.org', password: 'another founding passphrase' })).body.accessToken;
      const [row] = await ds.query(`SELECT id FROM membership.members WHERE email = 'tariq.haddad@example.org'`);
      tariq = { id: row.id, token };
    });
    const bodyId = async (name: string): Promise<string> => (await ds.query(`SELECT id FROM identity.bodies WHERE name = $1`, [name]))[0].id;
    const appoint = (bodyName: string, memberId: string, startsOn: string, role = 'staff') =>
      bodyId(bodyName).then((id) => http().post(`/bodies/${id}/mandates`).set('authorization', `Bearer ${chair}`).send({ memberId, role, startsOn, decisionRef: 'EC minute 2026-31' }));

    it('every member sees who sits on each body, since when and how elected — and nothing else', async () => {
      const res = await http().get('/bodies').set('authorization', `Bearer ${tariq.token}`);
      expect(res.status).toBe(200);
      const ccom = res.body.find((b: { kind: string }) => b.kind === 'CCOM');
      expect(Object.keys(ccom).sort()).toEqual(['branchId', 'branchName', 'id', 'kind', 'mandates', 'name', 'seats']);
      expect(ccom.seats).toBe(3);
      expect(ccom.mandates).toHaveLength(4);
      expect(ccom.mandates).toContainEqual(
        expect.objectContaining({ holderName: 'Lena Fischer', role: 'member', startsOn: '2025-05-17', endsOn: '2027-05-17', sourceKind: 'founding', sourceRef: 'Congress 2025 (17 May 2025), Control Commission STV ballot' }),
      );
      expect(Object.keys(ccom.mandates[0]).sort()).toEqual(['endsOn', 'holderName', 'id', 'role', 'sourceKind', 'sourceRef', 'startsOn']);
      // A former mandate (Greta's EC term) is not listed: only current ones.
      const ec = res.body.find((b: { kind: string }) => b.kind === 'EC');
      expect(ec.mandates.map((x: { holderName: string }) => x.holderName)).not.toContain('Greta Lindqvist');
      const committee = res.body.find((b: { name: string }) => b.name === 'Dublin North branch committee');
      expect(committee.branchName).toBe('Dublin North');
      const one = await http().get(`/bodies/${ccom.id}`).set('authorization', `Bearer ${tariq.token}`);
      expect(one.body).toEqual(ccom);
      expect((await http().get('/bodies/5f0c8f9e-1d7b-4a53-9a51-3b2e8b1c0d9a').set('authorization', `Bearer ${tariq.token}`)).status).toBe(404);
      expect((await http().get('/bodies')).status).toBe(401);
    });

    it('a one-seat office cannot take a second concurrent holder', async () => {
      const res = await appoint('National Membership Secretary', tariq.id, today);
      expect(res.status).toBe(409);
      expect(res.body.code).toBe('office_already_held');
      expect(res.body.message).toContain('one-seat office');
      expect(await count(`identity.mandates WHERE member_id = '${tariq.id}'`)).toBe(1);
    });

    it('a back-dated appointment is refused (only the founding file or an election certification writes the past); the same appointment from today fills the vacant seat, and a full body refuses the next one', async () => {
      const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
      const back = await appoint('National staff', tariq.id, yesterday);
      expect(back.status).toBe(400);
      expect(back.body.code).toBe('backdated_mandate');
      expect(back.body.message).toContain('founding file');
      expect((await appoint('National staff', tariq.id, today)).status).toBe(201);
      const [sofia] = await ds.query(`SELECT id FROM membership.members WHERE email = 'sofia.rossi@example.org'`);
      const full = await appoint('National staff', sofia.id, today);
      expect(full.status).toBe(409);
      expect(full.body.code).toBe('seats_full');
    });

    it('two concurrent appointments to a vacant one-seat office: exactly one is seated (the body row is locked while counting)', async () => {
      await ds.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ('NATIONAL_OFFICE', 'National Press Officer', 1)`);
      const people = await ds.query(`SELECT id FROM membership.members WHERE email IN ('sofia.rossi@example.org', 'dmitri.petrov@example.org') ORDER BY email`);
      const results = await Promise.all(people.map((p: { id: string }) => appoint('National Press Officer', p.id, today)));
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      expect(await count(`identity.mandates md JOIN identity.bodies b ON b.id = md.body_id WHERE b.name = 'National Press Officer'`)).toBe(1);
    });
  });
});

/** The newest reset link e-mailed to `address`: from the outbox while it waits, else from the written .eml file. */
async function resetLinkSentTo(ds: DataSource, dataDir: string, address: string, timeoutMs = 20_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const [pending] = await ds.query(
      `SELECT n.data->>'resetUrl' AS url FROM notifications.notices n JOIN notifications.outbox o ON o.notice_id = n.id
        WHERE n.type = 'password-reset' AND lower(o.to_address) = lower($1) ORDER BY n.created_at DESC LIMIT 1`,
      [address],
    );
    if (pending?.url) return pending.url;
    const mailDir = path.join(dataDir, 'mail');
    if (fs.existsSync(mailDir)) {
      for (const f of fs.readdirSync(mailDir).filter((x) => x.endsWith('.eml'))) {
        const mail = fs.readFileSync(path.join(mailDir, f), 'utf8').replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
        if (new RegExp(`^To: .*${address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'im').test(mail)) {
          const link = /(https?:\/\/\S+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(mail)?.[1];
          if (link) return link;
        }
      }
    }
    if (Date.now() > deadline) throw new Error(`No password link was e-mailed to ${address} within ${timeoutMs} ms.`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
