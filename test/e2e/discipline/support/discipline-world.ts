import type { TestApp } from '../../../support/test-app';

export type Signed = { id: string; email: string; branchId: string | null; token: string; auth: { Authorization: string } };

const iso = (d: Date) => d.toISOString().slice(0, 10);
export const yearsAgo = (years: number, from = new Date()) => iso(new Date(Date.UTC(from.getUTCFullYear() - years, from.getUTCMonth(), from.getUTCDate())));
export const daysAgo = (days: number, from = new Date()) => iso(new Date(from.getTime() - days * 86_400_000));

/**
 * A small organization for the discipline tests: two branches, a complainant and a respondent
 * (signed in), seven commissioners and two alternates with unrelated branch histories, two
 * Appeals Committee members, and the officers who must learn nothing: an EC member, a CC member,
 * a staff member and the respondent's branch secretary.
 */
export interface World {
  branchA: string;
  branchB: string;
  quiet: string;
  complainant: Signed;
  respondent: Signed;
  witness: Signed;
  commissioners: Signed[];
  alternates: Signed[];
  appeals: Signed[];
  ec: Signed;
  cc: Signed;
  staff: Signed;
  secretary: Signed;
  bystander: Signed;
}

export async function buildWorld(t: TestApp, o: { commissioners?: number; alternates?: number; commissionerBranch?: (i: number, b: { branchA: string; branchB: string; own: string }) => { branchId: string; from: string; to: string | null }[] | null } = {}): Promise<World> {
  const branchA = await t.make.branch();
  const branchB = await t.make.branch();
  const quiet = await t.make.branch();
  const since = yearsAgo(12);
  const member = (branchId: string) => t.make.signedInMember({ branchId, periods: [{ branchId, from: since, to: null }], joinedOn: since });
  const complainant = await member(branchB);
  const respondent = await member(branchA);
  const witness = await member(branchB);
  const commissioners: Signed[] = [];
  for (let i = 0; i < (o.commissioners ?? 7); i++) {
    const own = await t.make.branch();
    const periods = o.commissionerBranch?.(i, { branchA, branchB, own }) ?? [{ branchId: own, from: since, to: null }];
    const current = periods.find((p) => p.to === null)?.branchId ?? own;
    const c = await t.make.signedInMember({ branchId: current, periods, joinedOn: since });
    await t.make.mandate(c.id, 'CCOM', { startsOn: yearsAgo(1) });
    commissioners.push(c);
  }
  const alternates: Signed[] = [];
  for (let i = 0; i < (o.alternates ?? 2); i++) {
    const a = await member(await t.make.branch());
    await t.make.mandate(a.id, 'CCOM', { role: 'alternate', startsOn: yearsAgo(1) });
    alternates.push(a);
  }
  const appeals: Signed[] = [];
  for (let i = 0; i < 3; i++) {
    const a = await member(await t.make.branch());
    await t.make.mandate(a.id, 'APPEALS', { startsOn: yearsAgo(1) });
    appeals.push(a);
  }
  const ec = await member(quiet);
  await t.make.mandate(ec.id, 'EC', { startsOn: yearsAgo(1) });
  const cc = await member(quiet);
  await t.make.mandate(cc.id, 'CC', { startsOn: yearsAgo(1) });
  const staff = await member(quiet);
  await t.make.mandate(staff.id, 'STAFF', { role: 'staff', startsOn: yearsAgo(1) });
  const secretary = await member(branchA);
  await t.make.mandate(secretary.id, 'BRANCH_COMMITTEE', { role: 'secretary', branchId: branchA, startsOn: yearsAgo(1) });
  const bystander = await member(quiet);
  return { branchA, branchB, quiet, complainant, respondent, witness, commissioners, alternates, appeals, ec, cc, staff, secretary, bystander };
}

export function complaint(respondentId: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    respondents: [{ memberId: respondentId }],
    narrative: 'At the branch meeting he cornered me in the kitchen and would not let me leave.',
    where: 'Branch office, kitchen',
    when: { from: daysAgo(20) },
    path: 'formal',
    ...extra,
  };
}

/** Files through the API as a signed-in member and returns the reference. */
export async function file(t: TestApp, by: Signed, body: Record<string, unknown>): Promise<string> {
  const res = await t.http().post('/complaints').set(by.auth).send(body);
  if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.reference;
}

export async function caseRow(t: TestApp, reference: string): Promise<{ id: string; snapshot: any }> {
  const [r] = await t.db.dataSource.query(`SELECT id, snapshot FROM discipline.cases WHERE reference = $1`, [reference]);
  return { id: r.id, snapshot: typeof r.snapshot === 'string' ? JSON.parse(r.snapshot) : r.snapshot };
}

export function by(world: World, memberId: string): Signed {
  const all = [world.complainant, world.respondent, world.witness, ...world.commissioners, ...world.alternates, ...world.appeals, world.ec, world.cc, world.staff, world.secretary, world.bystander];
  const found = all.find((x) => x.id === memberId);
  if (!found) throw new Error(`no signed-in member ${memberId}`);
  return found;
}

/** Files, then triages as the duty commissioner: a panel is drawn. */
export async function fileAndTriage(t: TestApp, w: World, body: Record<string, unknown>): Promise<{ reference: string; id: string; duty: string; panel: string[] }> {
  const reference = await file(t, w.complainant, body);
  const row = await caseRow(t, reference);
  const duty = row.snapshot.dutyCommissionerId as string;
  const res = await t.http().post(`/commission/cases/${reference}/triage`).set(by(w, duty).auth).send({});
  if (res.status !== 200) throw new Error(`triage failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { reference, id: row.id, duty, panel: res.body.panel };
}

/** Sessions expire (12 h): after moving a FixedClock forward, sign everyone in again. */
export async function signInAgain(t: TestApp, w: World): Promise<void> {
  const all = [w.complainant, w.respondent, w.witness, ...w.commissioners, ...w.alternates, ...w.appeals, w.ec, w.cc, w.staff, w.secretary, w.bystander];
  for (const s of all) {
    s.token = await t.make.login(s.email);
    s.auth = { Authorization: `Bearer ${s.token}` };
  }
}
