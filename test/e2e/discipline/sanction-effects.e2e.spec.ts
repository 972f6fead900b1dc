import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { getDataSourceToken } from '@nestjs/typeorm';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { DISCIPLINE_CONNECTION } from '@org/platform';
import { MemberSanctions } from '@org/discipline';
import { MemberSanctionsAdapter } from '../../../apps/api/src/member-sanctions.adapter';
import { auditEntries, caseUnderInvestigation, createProceedingsApp, DAY, decide, organization, person, relogin, type Org, type ProceedingsApp } from './support/proceedings-world';

/**
 * S9, exactly once: a final finding's sanction reaches the register (status, history, branch
 * period) and identity (sessions, mandates) through the `MemberSanctions` port, carried out by
 * those contexts' own services in the transaction that makes the finding final. A crash between
 * the finding becoming final and its effects — or after the effects, before the commit — leaves
 * neither; the next run of the finality job applies both, once; running it again changes nothing.
 *
 * On real PostgreSQL the whole file runs the disciplinary connection as a login in
 * `commons_discipline`, so the owning contexts' services are proved to work under the grants the
 * migrations leave that role.
 */
type Fault = 'after-final-before-effects' | 'after-effects-before-commit' | null;

describe('discipline: sanction effects through the owning contexts, exactly once', () => {
  let t: ProceedingsApp;
  let org: Org;
  let fault: Fault = null;
  const probeRole = `probe_sanctions_${randomBytes(4).toString('hex')}`;
  const loginAs = (url: string): string => {
    const u = new URL(url);
    u.username = probeRole;
    u.password = 'probe-password';
    return u.toString();
  };

  beforeAll(async () => {
    if (process.env.DATABASE_URL) {
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`CREATE ROLE ${probeRole} LOGIN PASSWORD 'probe-password' IN ROLE commons_discipline`);
      await admin.end();
    }
    t = await createProceedingsApp({
      config: (db) => (db.url ? { disciplineDatabaseUrl: loginAs(db.url) } : {}),
      overrides: [
        {
          // The real binding, with a crash the test can switch on at either side of the effects.
          provide: MemberSanctions,
          inject: [MemberSanctionsAdapter],
          useFactory: (real: MemberSanctionsAdapter) => ({
            standingChanged: async (m: EntityManager, e: Parameters<MemberSanctionsAdapter['standingChanged']>[1]) => {
              if (fault === 'after-final-before-effects') throw new Error('crash: the process died after the finding became final, before its effects');
              return real.standingChanged(m, e);
            },
            suspensionEnded: (m: EntityManager, e: Parameters<MemberSanctionsAdapter['suspensionEnded']>[1]) => real.suspensionEnded(m, e),
            mandatesEnded: async (m: EntityManager, e: Parameters<MemberSanctionsAdapter['mandatesEnded']>[1]) => {
              const ended = await real.mandatesEnded(m, e);
              if (fault === 'after-effects-before-commit') throw new Error('crash: the process died after the effects, before the commit');
              return ended;
            },
          }),
        },
      ],
    });
    org = await organization(t);
  });

  afterAll(async () => {
    await t?.close();
    if (process.env.DATABASE_URL) {
      const admin = new Client({ connectionString: process.env.DATABASE_URL });
      await admin.connect();
      await admin.query(`DROP ROLE IF EXISTS ${probeRole}`).catch(() => undefined);
      await admin.end();
    }
  });

  afterEach(() => {
    fault = null;
  });

  /** A new respondent (own branch period, a branch committee seat, a session) in a case decided with `sanction`. */
  const decidedCase = async (sanction?: Record<string, unknown>) => {
    const respondent = await person(t, { branchId: org.branches.respondents, firstName: 'Rexford', lastName: `Ombudsworth${randomBytes(2).toString('hex')}` });
    const mandateId = await t.make.mandate(respondent.id, 'BRANCH_COMMITTEE', { branchId: org.branches.respondents, startsOn: '2025-01-01' });
    const o: Org = { ...org, respondent, everyone: [...org.everyone, respondent] };
    const c = await caseUnderInvestigation(t, o);
    const findingId = await decide(t, o, c, sanction ? { sanction } : {});
    t.clock.advance(31 * DAY);
    await relogin(t, o.everyone);
    return { respondent, mandateId, findingId };
  };

  /** Everything a sanction changes, read by the test's own (superuser) connection. */
  const state = async (memberId: string, mandateId: string, findingId: string) => {
    const q = async (sql: string, params: unknown[]) => (await t.db.dataSource.query(sql, params))[0];
    return {
      finding: (await q(`SELECT status FROM discipline.findings WHERE id = $1`, [findingId])).status,
      status: (await q(`SELECT status FROM membership.members WHERE id = $1`, [memberId])).status,
      sanctionHistory: (await q(`SELECT count(*)::int AS n FROM membership.status_history WHERE member_id = $1 AND source = 'sanction'`, [memberId])).n,
      openBranchPeriods: (await q(`SELECT count(*)::int AS n FROM membership.branch_periods WHERE member_id = $1 AND to_date IS NULL`, [memberId])).n,
      liveSessions: (
        await q(`SELECT count(*)::int AS n FROM identity.sessions s JOIN identity.accounts a ON a.id = s.account_id WHERE a.member_id = $1 AND s.revoked_at IS NULL`, [memberId])
      ).n,
      mandateEndsOn: (await q(`SELECT ends_on FROM identity.mandates WHERE id = $1`, [mandateId])).ends_on as string | null,
      sanctions: (await q(`SELECT count(*)::int AS n FROM discipline.sanctions WHERE finding_id = $1`, [findingId])).n,
      readmissionRequired: (await q(`SELECT count(*)::int AS n FROM restrictions.readmission_required WHERE member_id = $1`, [memberId])).n,
      restrictions: (await t.db.dataSource.query(`SELECT kind FROM restrictions.active WHERE member_id = $1 ORDER BY kind`, [memberId])).map((r: { kind: string }) => r.kind),
      tookEffect: (await auditEntries(t, 'sanction.took-effect')).filter((e) => e.subject_id === memberId).length,
      mandateEndedAudit: (await q(`SELECT count(*)::int AS n FROM audit.entries WHERE context = 'identity' AND action = 'mandate.ended' AND subject_id = $1`, [mandateId])).n,
      sessionsRevokedAudit: (await q(`SELECT count(*)::int AS n FROM audit.entries WHERE context = 'identity' AND action = 'sessions.revoked' AND subject_id = $1`, [memberId])).n,
    };
  };

  const expelledOnce = (today: string) => ({
    finding: 'final',
    status: 'expelled',
    sanctionHistory: 1,
    openBranchPeriods: 0,
    liveSessions: 0,
    mandateEndsOn: today,
    sanctions: 1,
    readmissionRequired: 1,
    restrictions: ['no_candidacy', 'no_hosting', 'no_office', 'no_voting'],
    tookEffect: 1,
    mandateEndedAudit: 1,
    sessionsRevokedAudit: 1,
  });

  (process.env.DATABASE_URL ? it : it.skip)('on real PostgreSQL the disciplinary connection signs in as a member of commons_discipline', async () => {
    const ds = t.app.get<DataSource>(getDataSourceToken(DISCIPLINE_CONNECTION));
    const [me] = await ds.query(`SELECT current_user AS who, pg_has_role(current_user, 'commons_discipline', 'MEMBER') AS member, rolsuper FROM pg_roles WHERE rolname = current_user`);
    expect(me).toEqual({ who: probeRole, member: true, rolsuper: false });
  });

  it('an expulsion takes effect once in the register and identity; the job run again, or the port asked again, changes nothing', async () => {
    const { respondent, mandateId, findingId } = await decidedCase();
    expect((await state(respondent.id, mandateId, findingId)).status).toBe('active');
    await t.jobs.finality();
    const today = t.clock.today();
    expect(await state(respondent.id, mandateId, findingId)).toEqual(expelledOnce(today));

    await t.jobs.finality();
    // The owning contexts' side is idempotent on its own too.
    const port = t.app.get(MemberSanctionsAdapter, { strict: false });
    await t.db.dataSource.transaction(async (m) => {
      await port.standingChanged(m, { memberId: respondent.id, standing: 'expelled', ref: 'discipline-sanction:again', at: t.clock.now() });
      expect(await port.mandatesEnded(m, { memberId: respondent.id, on: today, reason: 'again' })).toBe(0);
    });
    expect(await state(respondent.id, mandateId, findingId)).toEqual({ ...expelledOnce(today), sessionsRevokedAudit: 2 });
  });

  it('then the outcome notice is published to the members in good standing (the outbox reads the register and the dues standing in the same role)', async () => {
    t.clock.advance(6 * DAY);
    await relogin(t, org.everyone);
    const published = (await t.jobs.publication()) as { published: number };
    expect(published.published).toBeGreaterThan(0);
    const [row] = await t.db.dataSource.query(`SELECT count(*)::int AS n FROM discipline.outcome_notices WHERE status = 'published'`);
    expect(row.n).toBe(published.published);
    const feed = await t.db.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications.feed_entries f JOIN discipline.outcome_notices o ON o.notification_notice_id = f.notice_id WHERE f.member_id = $1`,
      [org.outsider.id],
    );
    expect(feed[0].n).toBe(published.published);
  });

  it('a crash after the finding became final and before its effects leaves neither; the next run applies both, once', async () => {
    const { respondent, mandateId, findingId } = await decidedCase();
    const before = await state(respondent.id, mandateId, findingId);
    expect(before).toMatchObject({ finding: 'notified', status: 'active', mandateEndsOn: null, sanctions: 0, tookEffect: 0 });
    expect(before.liveSessions).toBeGreaterThan(0);

    fault = 'after-final-before-effects';
    await expect(t.jobs.finality()).rejects.toThrow(/before its effects/);
    expect(await state(respondent.id, mandateId, findingId)).toEqual(before);

    fault = null;
    await t.jobs.finality();
    expect(await state(respondent.id, mandateId, findingId)).toEqual(expelledOnce(t.clock.today()));
    await t.jobs.finality();
    expect(await state(respondent.id, mandateId, findingId)).toEqual(expelledOnce(t.clock.today()));
  });

  it('a crash after the effects and before the commit leaves neither; the next run applies both, once', async () => {
    const { respondent, mandateId, findingId } = await decidedCase();
    const before = await state(respondent.id, mandateId, findingId);

    fault = 'after-effects-before-commit';
    await expect(t.jobs.finality()).rejects.toThrow(/before the commit/);
    expect(await state(respondent.id, mandateId, findingId)).toEqual(before);

    fault = null;
    await t.jobs.finality();
    expect(await state(respondent.id, mandateId, findingId)).toEqual(expelledOnce(t.clock.today()));
  });

  it('a suspension suspends once and, when it ends, the member is active again (once), through the register', async () => {
    const until = new Date(t.clock.now().getTime() + 60 * DAY).toISOString().slice(0, 10);
    const { respondent, mandateId, findingId } = await decidedCase({ kind: 'suspension', until });
    await t.jobs.finality();
    const suspended = await state(respondent.id, mandateId, findingId);
    expect(suspended).toMatchObject({ finding: 'final', status: 'suspended', sanctionHistory: 1, openBranchPeriods: 1, sanctions: 1, readmissionRequired: 0, tookEffect: 1 });
    // A suspension keeps the account (the member reads their own case), and their seat ends.
    expect(suspended.liveSessions).toBeGreaterThan(0);
    expect(suspended.mandateEndsOn).toBe(t.clock.today());
    t.clock.advance(61 * DAY);
    await relogin(t, org.everyone);
    await t.jobs.finality();
    await t.jobs.finality();
    const lifted = await state(respondent.id, mandateId, findingId);
    expect(lifted).toMatchObject({ status: 'active', sanctionHistory: 2, restrictions: [] });
    const history = await t.db.dataSource.query(`SELECT from_status, to_status, ref FROM membership.status_history WHERE member_id = $1 AND source = 'sanction' ORDER BY id`, [respondent.id]);
    expect(history.map((h: { from_status: string; to_status: string }) => `${h.from_status}→${h.to_status}`)).toEqual(['active→suspended', 'suspended→active']);
    // An opaque reference, never the case.
    for (const h of history) expect(h.ref).toMatch(/^discipline-sanction:[0-9a-f-]{36}$/);
  });
});
