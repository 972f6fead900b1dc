import 'reflect-metadata';
import { Module, type DynamicModule, type Provider } from '@nestjs/common';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import pino from 'pino';
import { Writable } from 'node:stream';
import request from 'supertest';
import { createValidationPipe, ErrorFilter, FixedClock, LOGGER, REDACTED_PATHS, type AppConfig, type Logger } from '@org/platform';
import { AppModule } from '../../../../apps/api/src/app.module';
import { Factories, type MadeMember } from '../../../support/factories';
import { createTestDatabase, type TestDatabase } from '../../../support/test-database';

export const T0 = new Date('2026-03-10T09:00:00.000Z');
export const DAY = 86_400_000;

export type Person = MadeMember & { token: string; auth: { Authorization: string }; firstName: string; lastName: string };

export interface ProceedingsApp {
  app: NestFastifyApplication;
  db: TestDatabase;
  clock: FixedClock;
  make: Factories;
  http: () => ReturnType<typeof request>;
  jobs: { finality: () => Promise<unknown>; publication: () => Promise<unknown>; matching: () => Promise<unknown> };
  /** Every log line the app wrote (level trace), as written. */
  logs: string[];
  close(): Promise<void>;
}

@Module({})
class ProceedingsTestRoot {}

/** The whole API on this test file's own database, with a movable clock and captured logs. */
export async function createProceedingsApp(
  o: { env?: Record<string, string>; overrides?: Provider[]; config?: (db: TestDatabase) => Partial<AppConfig> } = {},
): Promise<ProceedingsApp> {
  const clock = new FixedClock(T0);
  const db = await createTestDatabase(o.env);
  const root: DynamicModule = {
    module: ProceedingsTestRoot,
    // The app as composed (the disciplinary context — both parts — included), with a clock the
    // tests move and a logger whose every line they can read; a test may replace a port binding
    // (`overrides`) or a setting (`config`, e.g. the discipline connection's login).
    imports: [AppModule.forRoot({ config: { ...db.config, ...o.config?.(db) }, embedded: db.embedded, clock, overrides: o.overrides })],
  };
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk, _enc, done) {
      logs.push(String(chunk));
      done();
    },
  });
  const logger = pino({ name: 'commons', level: 'trace', redact: { paths: REDACTED_PATHS, censor: '[redacted]' } }, sink);
  const moduleRef = await Test.createTestingModule({ imports: [root] }).overrideProvider(LOGGER).useValue(logger).compile();
  const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter({ bodyLimit: db.config.bodyLimitBytes, logger: false }), {
    logger: false,
    abortOnError: false,
  });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ErrorFilter(app.get<Logger>(LOGGER)));
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const make = new Factories(db.dataSource, app);
  return {
    app,
    db,
    clock,
    make,
    http: () => request(app.getHttpServer()),
    logs,
    jobs: {
      finality: () => job(app, 'FinalizeFindingsJob').runOnce(),
      publication: () => job(app, 'PublishDueNoticesJob').runOnce(),
      matching: () => job(app, 'MatchingUseCase').runOnce(),
    },
    async close() {
      await app.close();
      await db.close();
    },
  };
}

let seq = 0;

/** A signed-in member with a name the test can look for. */
export async function person(t: ProceedingsApp, o: { branchId: string; firstName?: string; lastName?: string; status?: string }): Promise<Person> {
  seq++;
  const firstName = o.firstName ?? `Person${seq}`;
  const lastName = o.lastName ?? `Surname${seq}x`;
  const m = await t.make.signedInMember({ branchId: o.branchId, firstName, lastName, status: o.status });
  return { ...m, firstName, lastName };
}

/** Signs everyone in again (sessions expire when the test moves the clock by days). */
export async function relogin(t: ProceedingsApp, people: Person[]): Promise<void> {
  for (const p of people) {
    p.token = await t.make.login(p.email);
    p.auth = { Authorization: `Bearer ${p.token}` };
  }
}

export interface Org {
  branches: { parties: string; respondents: string; commission: string; appeals: string; others: string };
  complainant: Person;
  respondent: Person;
  witness: Person;
  commissioners: Person[];
  appeals: Person[];
  ec: Person;
  outsider: Person;
  everyone: Person[];
}

/**
 * A small organization: the parties in their own branches, seven commissioners and four members
 * of the Appeals Committee in branches no party ever belonged to (so none is conflicted), an EC
 * member and an ordinary member.
 */
export async function organization(t: ProceedingsApp, names: { complainant?: [string, string] } = {}): Promise<Org> {
  const branches = {
    parties: await t.make.branch(),
    respondents: await t.make.branch(),
    commission: await t.make.branch(),
    appeals: await t.make.branch(),
    others: await t.make.branch(),
  };
  const [cf, cl] = names.complainant ?? ['Zelinda', 'Quarrington'];
  const complainant = await person(t, { branchId: branches.parties, firstName: cf, lastName: cl });
  const respondent = await person(t, { branchId: branches.respondents, firstName: 'Rexford', lastName: 'Ombudsworth' });
  const witness = await person(t, { branchId: branches.parties, firstName: 'Wilhelmina', lastName: 'Testifier' });
  const commissioners: Person[] = [];
  for (let i = 0; i < 7; i++) {
    const c = await person(t, { branchId: branches.commission, firstName: `Commissioner${i}`, lastName: `Ccom${i}` });
    await t.make.mandate(c.id, 'CCOM', { startsOn: '2025-01-01' });
    commissioners.push(c);
  }
  const appeals: Person[] = [];
  for (let i = 0; i < 4; i++) {
    const a = await person(t, { branchId: branches.appeals, firstName: `Appeals${i}`, lastName: `Acom${i}` });
    await t.make.mandate(a.id, 'APPEALS', { startsOn: '2025-01-01' });
    appeals.push(a);
  }
  const ec = await person(t, { branchId: branches.others, firstName: 'Executive', lastName: 'Chairperson' });
  await t.make.mandate(ec.id, 'EC', { role: 'chair', startsOn: '2025-01-01' });
  const outsider = await person(t, { branchId: branches.others, firstName: 'Ordinary', lastName: 'Member' });
  return { branches, complainant, respondent, witness, commissioners, appeals, ec, outsider, everyone: [complainant, respondent, witness, ...commissioners, ...appeals, ec, outsider] };
}

export const byId = (org: Org, id: string): Person => {
  const p = org.everyone.find((x) => x.id === id);
  if (!p) throw new Error(`no such person in the test organization: ${id}`);
  return p;
};

export interface FiledCase {
  reference: string;
  caseId: string;
  panel: Person[];
}

/** A formal complaint filed, triaged and under investigation — through the intake, triage and panel routes. */
export async function caseUnderInvestigation(t: ProceedingsApp, org: Org, o: { narrative?: string } = {}): Promise<FiledCase> {
  const filed = await t
    .http()
    .post('/complaints')
    .set(org.complainant.auth)
    .send({
      respondents: [{ memberId: org.respondent.id }],
      narrative: o.narrative ?? 'What happened at the meeting, in the complainant’s own words.',
      when: { from: '2026-02-01', to: '2026-02-03' },
      witnesses: [{ memberId: org.witness.id }],
      path: 'formal',
    });
  if (filed.status >= 300) throw new Error(`filing failed: ${filed.status} ${JSON.stringify(filed.body)}`);
  const reference = filed.body.reference as string;
  const [row] = await t.db.dataSource.query(`SELECT id, duty_commissioner_id FROM discipline.cases WHERE reference = $1`, [reference]);
  const duty = byId(org, row.duty_commissioner_id);
  const triaged = await t.http().post(`/commission/cases/${reference}/triage`).set(duty.auth).send({});
  if (triaged.status >= 300) throw new Error(`triage failed: ${triaged.status} ${JSON.stringify(triaged.body)}`);
  const panel = (triaged.body.panel as string[]).map((id) => byId(org, id));
  if (panel.length !== 3) throw new Error(`expected a panel of 3, got ${JSON.stringify(triaged.body)}`);
  const begun = await t.http().post(`/commission/cases/${reference}/investigation`).set(panel[0].auth).send({});
  if (begun.status >= 300) throw new Error(`investigation failed: ${begun.status} ${JSON.stringify(begun.body)}`);
  return { reference, caseId: row.id, panel };
}

/** The panel opens a finding on the respondent, votes, and decides; the appeal window starts. */
export async function decide(
  t: ProceedingsApp,
  org: Org,
  c: FiledCase,
  o: { sanction?: Record<string, unknown>; votes?: ('uphold' | 'not_uphold')[]; rule?: string } = {},
): Promise<string> {
  const opened = await t.http().post(`/cases/${c.reference}/findings`).set(c.panel[0].auth).send({ respondentId: org.respondent.id });
  if (opened.status >= 300) throw new Error(`open failed: ${opened.status} ${JSON.stringify(opened.body)}`);
  const findingId = opened.body.findingId as string;
  const votes = o.votes ?? ['uphold', 'uphold', 'uphold'];
  const sanction = o.sanction ?? { kind: 'expulsion', readmissionConditions: 'A restorative programme completed, and the complainant consulted.' };
  for (let i = 0; i < c.panel.length; i++) {
    const body = votes[i] === 'uphold' ? { verdict: 'uphold', proposedSanction: sanction } : { verdict: 'not_uphold' };
    const r = await t.http().post(`/cases/${c.reference}/findings/${findingId}/votes`).set(c.panel[i].auth).send(body);
    if (r.status >= 300) throw new Error(`vote failed: ${r.status} ${JSON.stringify(r.body)}`);
  }
  const decided = await t
    .http()
    .post(`/cases/${c.reference}/findings/${findingId}/decision`)
    .set(c.panel[1].auth)
    .send({ rule: o.rule ?? 'Code of conduct §4 (harassment)', reasons: 'Written reasons of the panel, weighing the statements and the evidence.' });
  if (decided.status >= 300) throw new Error(`decision failed: ${decided.status} ${JSON.stringify(decided.body)}`);
  return findingId;
}

/** Audit entries of the disciplinary context, newest last. */
export async function auditEntries(t: ProceedingsApp, action: string): Promise<{ actor_id: string | null; data: any; subject_id: string | null }[]> {
  return t.db.dataSource.query(`SELECT actor_id, data, subject_id FROM audit.entries WHERE context = 'discipline' AND action = $1 ORDER BY seq`, [action]);
}

/** The scheduled jobs are called directly, as the scheduler does (found by name: the context exports no classes). */
const job = (app: NestFastifyApplication, name: string) => providerNamed<{ runOnce(): Promise<unknown> }>({ app } as ProceedingsApp, name);

/**
 * A provider another context keeps to itself (e.g. notifications' `MessageDelivery`, which its
 * index does not export), found by class name — test code only.
 */
export function providerNamed<T>(t: ProceedingsApp, name: string): T {
  const container = (t.app as unknown as { container: { getModules(): Map<string, { providers: Map<unknown, { instance: unknown }> }> } }).container;
  for (const m of container.getModules().values()) {
    for (const [token, wrapper] of m.providers) {
      if (typeof token === 'function' && token.name === name && wrapper.instance) return wrapper.instance as T;
    }
  }
  throw new Error(`no provider named ${name}`);
}

export async function waitFor<T>(what: string, probe: () => T | undefined | null | false | Promise<T | undefined | null | false>, timeoutMs = 15_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
