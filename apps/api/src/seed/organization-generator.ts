import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { assertCompatible, type BodyKind, type MandateRole } from '@org/identity';
import { SeededRandom } from '@org/kernel';

/**
 * Generates a realistic organization straight into the database with set-based SQL: branches,
 * members with several years of branch history (transfers), lapses and resignations, monthly
 * subs payments, the national bodies and branch committees with mandates. Deterministic for a
 * given seed. Used for the demo organization and for benchmarks at scale.
 */
export interface GeneratorOptions {
  members: number;
  branches: number;
  years: number;
  seed: string;
  today: string; // YYYY-MM-DD
  onProgress?: (message: string) => void;
}

export interface GeneratedOrganization {
  branchIds: string[];
  memberIds: string[];
  bodies: Record<string, string>;
  /** Members holding each national role (for demo accounts and tests). */
  holders: Record<'EC' | 'CC' | 'CCOM' | 'APPEALS' | 'ELECTIONS' | 'ALTERNATES', string[]>;
  branchOfficers: { branchId: string; chair: string; secretary: string; treasurer: string }[];
  planId: string;
}

const FIRST = ['Ada', 'Amara', 'Ben', 'Carmen', 'Chidi', 'Dana', 'Eamon', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Idris', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Malik', 'Maria', 'Nadia', 'Noor', 'Olu', 'Paula', 'Quentin', 'Rosa', 'Sami', 'Sofia', 'Tariq', 'Ursula', 'Vera', 'Wen', 'Xavier', 'Yara', 'Zeynep', 'Aoife', 'Bilal', 'Ciara', 'Dmitri', 'Esther', 'Fionn', 'Greta'];
const LAST = ['Adeyemi', 'Bauer', 'Castillo', 'Doyle', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nguyen', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Takahashi', 'Umar', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Brennan', 'Costa', 'Dubois', 'Evans', 'Ferreira', 'Gallagher', 'Horvat', 'Iqbal', 'Kaur', 'Lopez', 'Murphy', 'Novak', 'Oliveira', 'Popescu'];
const TOWNS = ['Riverside', 'Northgate', 'Eastfield', 'Harbour', 'Millbrook', 'Southend', 'Westmoor', 'Kingsway', 'Ashford', 'Brookdale', 'Cedar Hill', 'Dunmore', 'Elmstead', 'Fairview', 'Glenview', 'Highbury', 'Ironbridge', 'Jubilee', 'Kelso', 'Lakeside', 'Marston', 'Newtown', 'Oakley', 'Parkhead', 'Queensferry', 'Redhill', 'Stonebridge', 'Thornton', 'Upton', 'Valley'];

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
const firstOfMonth = (iso: string): string => `${iso.slice(0, 7)}-01`;

interface MemberRow {
  id: string;
  first: string;
  last: string;
  email: string;
  status: string;
  joinedOn: string;
  branchId: string;
  paidUntil: string | null; // last month paid (first of month), null = never
  leftOn: string | null;
  amount: number;
}

export async function generateOrganization(m: EntityManager, o: GeneratorOptions): Promise<GeneratedOrganization> {
  const rnd = new SeededRandom(o.seed);
  const log = o.onProgress ?? (() => undefined);
  const start = `${Number(o.today.slice(0, 4)) - o.years}${o.today.slice(4)}`;
  const span = daysBetween(start, o.today);

  // Branches
  const branchIds: string[] = [];
  const codes: string[] = [];
  const names: string[] = [];
  const founded: string[] = [];
  for (let i = 0; i < o.branches; i++) {
    branchIds.push(randomUUID());
    codes.push(`BR-${String(i + 1).padStart(4, '0')}`);
    const town = TOWNS[i % TOWNS.length];
    names.push(i < TOWNS.length ? town : `${town} ${Math.floor(i / TOWNS.length) + 1}`);
    founded.push(addDays(start, -rnd.nextInt(3650)));
  }
  await m.query(
    `INSERT INTO membership.branches (id, code, name, founded_on) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[])`,
    [branchIds, codes, names, founded],
  );
  log(`${o.branches} branches`);

  // Dues plan
  const [plan] = await m.query(
    `INSERT INTO dues.plans (name, kind, period, currency, amount_minor, minimum_minor, bands, grace_months, is_default)
     VALUES ('Standard subs', 'sliding', 'monthly', 'EUR', NULL, 200, $1, 3, true) RETURNING id`,
    [JSON.stringify([
      { band: 'under-15k', label: 'Under 15,000 a year', amountMinor: 300 },
      { band: '15k-30k', label: '15,000 to 30,000', amountMinor: 800 },
      { band: '30k-50k', label: '30,000 to 50,000', amountMinor: 1500 },
      { band: 'over-50k', label: 'Over 50,000', amountMinor: 2500 },
    ])],
  );
  const bandAmounts = [300, 800, 1500, 2500];
  const bandNames = ['under-15k', '15k-30k', '30k-50k', 'over-50k'];

  // Members, in batches
  const memberIds: string[] = [];
  const activeByBranch = new Map<string, string[]>();
  const batch = 5000;
  let transfers = 0;
  for (let offset = 0; offset < o.members; offset += batch) {
    const rows: MemberRow[] = [];
    const periods: { memberId: string; branchId: string; from: string; to: string | null }[] = [];
    const history: { memberId: string; from: string | null; to: string; on: string; reason: string }[] = [];
    for (let i = offset; i < Math.min(o.members, offset + batch); i++) {
      const id = randomUUID();
      const first = FIRST[rnd.nextInt(FIRST.length)];
      const last = LAST[rnd.nextInt(LAST.length)];
      const joinedOn = addDays(start, rnd.nextInt(span - 30));
      const roll = rnd.nextInt(100);
      let status = 'active';
      let leftOn: string | null = null;
      let paidUntil: string | null = firstOfMonth(o.today);
      if (roll < 8) {
        status = 'lapsed';
        paidUntil = firstOfMonth(addDays(joinedOn, Math.min(daysBetween(joinedOn, o.today) - 130, rnd.nextInt(Math.max(1, daysBetween(joinedOn, o.today))))));
        if (paidUntil < joinedOn) paidUntil = null;
      } else if (roll < 12) {
        status = 'resigned';
        leftOn = addDays(joinedOn, 30 + rnd.nextInt(Math.max(1, daysBetween(joinedOn, o.today) - 30)));
        if (leftOn > o.today) leftOn = o.today;
        paidUntil = firstOfMonth(addDays(leftOn, -1));
      }
      let branch = branchIds[rnd.nextInt(branchIds.length)];
      const band = rnd.nextInt(4);
      rows.push({ id, first, last, email: `${first}.${last}.${i + 1}@members.example.org`.toLowerCase(), status, joinedOn, branchId: branch, paidUntil, leftOn, amount: bandAmounts[band] });
      // Branch history with transfers
      const end = leftOn ?? null;
      let from = joinedOn;
      const moves = rnd.nextInt(100) < 15 ? 1 + rnd.nextInt(2) : 0;
      for (let k = 0; k < moves; k++) {
        const remaining = daysBetween(from, end ?? o.today);
        if (remaining < 60) break;
        const moveOn = addDays(from, 30 + rnd.nextInt(remaining - 30));
        periods.push({ memberId: id, branchId: branch, from, to: moveOn });
        let next = branchIds[rnd.nextInt(branchIds.length)];
        if (next === branch && branchIds.length > 1) next = branchIds[(branchIds.indexOf(branch) + 1) % branchIds.length];
        branch = next;
        from = moveOn;
        transfers++;
      }
      periods.push({ memberId: id, branchId: branch, from, to: end && end > from ? end : end ? addDays(from, 1) : null });
      rows[rows.length - 1].branchId = branch;
      history.push({ memberId: id, from: null, to: 'applicant', on: addDays(joinedOn, -7), reason: 'application received' });
      history.push({ memberId: id, from: 'applicant', to: 'active', on: joinedOn, reason: 'admitted by the branch' });
      if (status === 'lapsed') history.push({ memberId: id, from: 'active', to: 'lapsed', on: addDays(paidUntil ?? joinedOn, 124), reason: 'more than 3 months in arrears' });
      if (status === 'resigned') history.push({ memberId: id, from: 'active', to: 'resigned', on: leftOn!, reason: 'resigned' });
      memberIds.push(id);
      if (status === 'active') {
        const list = activeByBranch.get(branch) ?? [];
        list.push(id);
        activeByBranch.set(branch, list);
      }
    }
    await m.query(
      `INSERT INTO membership.members (id, first_name, last_name, email, status, email_consent, email_consent_at, applied_on, joined_on, branch_id)
       SELECT id, f, l, e, s, true, j::timestamptz, j - 7, j, CASE WHEN s = 'resigned' THEN NULL ELSE b END
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::date[], $7::uuid[]) AS t(id, f, l, e, s, j, b)`,
      [rows.map((r) => r.id), rows.map((r) => r.first), rows.map((r) => r.last), rows.map((r) => r.email), rows.map((r) => r.status), rows.map((r) => r.joinedOn), rows.map((r) => r.branchId)],
    );
    await m.query(
      `INSERT INTO membership.branch_periods (member_id, branch_id, from_date, to_date) SELECT * FROM unnest($1::uuid[], $2::uuid[], $3::date[], $4::date[])`,
      [periods.map((p) => p.memberId), periods.map((p) => p.branchId), periods.map((p) => p.from), periods.map((p) => p.to)],
    );
    await m.query(
      `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, reason)
       SELECT mid, fs, ts, d::timestamptz, d, r FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::text[]) AS t(mid, fs, ts, d, r)`,
      [history.map((h) => h.memberId), history.map((h) => h.from), history.map((h) => h.to), history.map((h) => h.on), history.map((h) => h.reason)],
    );
    await m.query(
      `INSERT INTO dues.member_levels (member_id, plan_id, income_band, amount_minor, effective_from)
       SELECT mid, $1, band, amt, j FROM unnest($2::uuid[], $3::text[], $4::int[], $5::date[]) AS t(mid, band, amt, j)`,
      [plan.id, rows.map((r) => r.id), rows.map((r) => bandNames[bandAmounts.indexOf(r.amount)]), rows.map((r) => r.amount), rows.map((r) => r.joinedOn)],
    );
    // Monthly payments from the month of joining to the last month paid, generated in SQL.
    await m.query(
      `INSERT INTO dues.payments (member_id, amount_minor, currency, paid_on, source, external_ref)
       SELECT t.mid, t.amt, 'EUR', gs::date, 'seed', NULL
         FROM unnest($1::uuid[], $2::int[], $3::date[], $4::date[]) AS t(mid, amt, j, pu)
         CROSS JOIN LATERAL generate_series(date_trunc('month', t.j), t.pu, interval '1 month') AS gs
        WHERE t.pu IS NOT NULL`,
      [rows.map((r) => r.id), rows.map((r) => r.amount), rows.map((r) => r.joinedOn), rows.map((r) => r.paidUntil)],
    );
    log(`${Math.min(o.members, offset + batch)} / ${o.members} members`);
  }
  log(`${transfers} transfers in branch histories`);

  // Accounts for every member (no password: members set one through the reset link).
  await m.query(
    `INSERT INTO identity.accounts (email, member_id) SELECT email, id FROM membership.members WHERE status <> 'resigned' ON CONFLICT DO NOTHING`,
  );

  // Bodies and mandates: distinct people, so S2 holds by construction (and is checked below).
  const bodies: Record<string, string> = {};
  for (const [kind, name, seats] of [
    ['EC', 'Executive Committee', 9],
    ['CC', 'Central Committee', 30],
    ['CCOM', 'Control Commission', 7],
    ['APPEALS', 'Appeals Committee', 5],
    ['ELECTIONS', 'Elections Committee', 5],
    ['STAFF', 'Staff', 10],
    ['NATIONAL_OFFICE', 'National Membership Office', 1],
  ] as const) {
    const [b] = await m.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ($1, $2, $3) RETURNING id`, [kind, name, seats]);
    bodies[kind] = b.id;
  }
  const allActive = [...activeByBranch.values()].flat();
  const pool = rnd.shuffle(allActive);
  let next = 0;
  const take = (n: number) => pool.slice(next, (next += n));
  const scale = (n: number) => Math.max(1, Math.min(n, Math.floor(allActive.length / 20)));
  const holders = {
    EC: take(scale(9)),
    CC: take(scale(30)),
    CCOM: take(scale(7)),
    APPEALS: take(scale(5)),
    ELECTIONS: take(scale(5)),
    ALTERNATES: take(scale(3)),
  };
  const termStart = addDays(o.today, -400);
  const mandates: { member: string; body: string; role: MandateRole; kind: BodyKind; from: string; to: string | null; source: string }[] = [];
  const national = (list: string[], kind: BodyKind, role: MandateRole) =>
    list.forEach((id) => mandates.push({ member: id, body: bodies[kind], role, kind, from: termStart, to: null, source: kind === 'CCOM' || kind === 'APPEALS' ? 'founding' : 'founding' }));
  national(holders.EC, 'EC', 'member');
  national(holders.CC, 'CC', 'member');
  national(holders.CCOM, 'CCOM', 'member');
  national(holders.ALTERNATES, 'CCOM', 'alternate');
  national(holders.APPEALS, 'APPEALS', 'member');
  national(holders.ELECTIONS.slice(0, 1), 'ELECTIONS', 'returning-officer');
  national(holders.ELECTIONS.slice(1), 'ELECTIONS', 'member');
  // A former EC member (term ended), for history.
  // Branch committees: chair, secretary, treasurer from the branch's own active members.
  const branchOfficers: GeneratedOrganization['branchOfficers'] = [];
  const taken = new Set(pool.slice(0, next));
  for (const branchId of branchIds) {
    const local = (activeByBranch.get(branchId) ?? []).filter((id) => !taken.has(id));
    if (local.length < 3) continue;
    const [b] = await m.query(`INSERT INTO identity.bodies (kind, name, branch_id, seats) VALUES ('BRANCH_COMMITTEE', $1, $2, 3) RETURNING id`, [`Branch committee ${codes[branchIds.indexOf(branchId)]}`, branchId]);
    const [chair, secretary, treasurer] = local;
    for (const [member, role] of [[chair, 'chair'], [secretary, 'secretary'], [treasurer, 'treasurer']] as const) {
      mandates.push({ member, body: b.id, role, kind: 'BRANCH_COMMITTEE', from: termStart, to: null, source: 'founding' });
      taken.add(member);
    }
    branchOfficers.push({ branchId, chair, secretary, treasurer });
  }
  // S2 check over every member's set of mandates, as the founding import must.
  const byMember = new Map<string, { bodyKind: BodyKind; startsOn: string; endsOn: string | null }[]>();
  for (const x of mandates) {
    const held = byMember.get(x.member) ?? [];
    assertCompatible({ bodyKind: x.kind, startsOn: x.from, endsOn: x.to, held, coolingOffMonths: 12 });
    held.push({ bodyKind: x.kind, startsOn: x.from, endsOn: x.to });
    byMember.set(x.member, held);
  }
  await m.query(
    `INSERT INTO identity.mandates (member_id, body_id, role, starts_on, ends_on, source_kind, source_ref)
     SELECT mid, bid, r, f, t, 'founding', 'founding import' FROM unnest($1::uuid[], $2::uuid[], $3::text[], $4::date[], $5::date[]) AS x(mid, bid, r, f, t)`,
    [mandates.map((x) => x.member), mandates.map((x) => x.body), mandates.map((x) => x.role), mandates.map((x) => x.from), mandates.map((x) => x.to)],
  );
  log(`${mandates.length} mandates`);
  return { branchIds, memberIds, bodies, holders, branchOfficers, planId: plan.id };
}
