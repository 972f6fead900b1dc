import { createHash, randomUUID } from 'node:crypto';
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
  /** Members written per statement (default `MEMBERS_PER_BATCH`). */
  batchSize?: number;
  /** Called after each step; `members` says how far the members are, for a progress bar. */
  onProgress?: (message: string, members?: { done: number; total: number }) => void;
}

export interface GeneratedOrganization {
  branchIds: string[];
  bodies: Record<string, string>;
  /** Members holding each national role (for demo accounts and tests). */
  holders: Record<'EC' | 'CC' | 'CCOM' | 'APPEALS' | 'ELECTIONS' | 'ALTERNATES', string[]>;
  branchOfficers: { branchId: string; chair: string; secretary: string; treasurer: string }[];
  planId: string;
}

const FIRST = ['Ada', 'Amara', 'Ben', 'Carmen', 'Chidi', 'Dana', 'Eamon', 'Elif', 'Farah', 'Gustavo', 'Hana', 'Idris', 'Ines', 'Jonas', 'Kemal', 'Lena', 'Malik', 'Maria', 'Nadia', 'Noor', 'Olu', 'Paula', 'Quentin', 'Rosa', 'Sami', 'Sofia', 'Tariq', 'Ursula', 'Vera', 'Wen', 'Xavier', 'Yara', 'Zeynep', 'Aoife', 'Bilal', 'Ciara', 'Dmitri', 'Esther', 'Fionn', 'Greta'];
const LAST = ['Adeyemi', 'Bauer', 'Castillo', 'Doyle', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski', 'Lindqvist', 'Moreau', 'Nguyen', 'Okafor', 'Petrov', 'Quinn', 'Rossi', 'Schmidt', 'Takahashi', 'Umar', 'Varga', 'Walsh', 'Xu', 'Yilmaz', 'Zhang', 'Brennan', 'Costa', 'Dubois', 'Evans', 'Ferreira', 'Gallagher', 'Horvat', 'Iqbal', 'Kaur', 'Lopez', 'Murphy', 'Novak', 'Oliveira', 'Popescu'];
const BAND_NAMES = ['under-15k', '15k-30k', '30k-50k', 'over-50k'];
const BAND_AMOUNTS = [300, 800, 1500, 2500];
const TOWNS = ['Riverside', 'Northgate', 'Eastfield', 'Harbour', 'Millbrook', 'Southend', 'Westmoor', 'Kingsway', 'Ashford', 'Brookdale', 'Cedar Hill', 'Dunmore', 'Elmstead', 'Fairview', 'Glenview', 'Highbury', 'Ironbridge', 'Jubilee', 'Kelso', 'Lakeside', 'Marston', 'Newtown', 'Oakley', 'Parkhead', 'Queensferry', 'Redhill', 'Stonebridge', 'Thornton', 'Upton', 'Valley'];

const addDays = (iso: string, days: number): string => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);

/** Members written per statement group: large enough for set-based SQL, small enough to report progress. */
export const MEMBERS_PER_BATCH = 25_000;

/** The seed as a number in [-1, 1], for PostgreSQL's `setseed`. */
const seedFraction = (seed: string): number => (createHash('sha256').update(seed).digest().readUInt32BE(0) / 0xffffffff) * 2 - 1;

export async function generateOrganization(m: EntityManager, o: GeneratorOptions): Promise<GeneratedOrganization> {
  const rnd = new SeededRandom(o.seed);
  const log = o.onProgress ?? (() => undefined);
  const start = `${Number(o.today.slice(0, 4)) - o.years}${o.today.slice(4)}`;
  const span = daysBetween(start, o.today);

  // Regions (one for every 20 branches, at most 60) and branches spread over them.
  const regionCount = Math.max(1, Math.min(60, Math.ceil(o.branches / 20)));
  const regions: { id: string }[] = await m.query(
    `INSERT INTO membership.regions (code, name)
     SELECT 'RG-' || lpad(n::text, 2, '0'), (($2::text[])[1 + (n - 1) % array_length($2::text[], 1)]) || ' Region' || CASE WHEN n > array_length($2::text[], 1) THEN ' ' || (1 + (n - 1) / array_length($2::text[], 1)) ELSE '' END
       FROM generate_series(1, $1::int) n ORDER BY n RETURNING id`,
    [regionCount, TOWNS],
  );
  const branchIds: string[] = [];
  const codes: string[] = [];
  const names: string[] = [];
  const founded: string[] = [];
  const branchRegions: string[] = [];
  for (let i = 0; i < o.branches; i++) {
    branchIds.push(randomUUID());
    codes.push(`BR-${String(i + 1).padStart(4, '0')}`);
    const town = TOWNS[i % TOWNS.length];
    names.push(i < TOWNS.length ? town : `${town} ${Math.floor(i / TOWNS.length) + 1}`);
    founded.push(addDays(start, -rnd.nextInt(3650)));
    branchRegions.push(regions[i % regionCount].id);
  }
  await m.query(
    `INSERT INTO membership.branches (id, code, name, founded_on, region_id) SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::date[], $5::uuid[])`,
    [branchIds, codes, names, founded, branchRegions],
  );
  log(`${o.branches} branches in ${regionCount} regions`);

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

  // Members, in batches of one statement each, set-based over generate_series: 88% active, 8%
  // lapsed (stopped paying, more than 3 months in arrears), 4% resigned; 15% moved branch once or
  // twice; monthly subs from the month of joining to the last month paid. `random()` is seeded
  // (setseed) from the seed, so the same seed gives the same organization.
  // A batch's statement runs longer than a request may (the rest of the caller's transaction too).
  await m.query(`SELECT set_config('statement_timeout', '0', true)`);
  await m.query(`SELECT setseed($1)`, [seedFraction(o.seed)]);
  const batch = o.batchSize ?? MEMBERS_PER_BATCH;
  for (let lo = 1; lo <= o.members; lo += batch) {
    const hi = Math.min(o.members, lo + batch - 1);
    await m.query(
      `WITH base AS MATERIALIZED (
         SELECT g,
                ($4::text[])[1 + floor(random() * array_length($4::text[], 1))::int] AS f,
                ($5::text[])[1 + floor(random() * array_length($5::text[], 1))::int] AS l,
                $6::date + floor(random() * ($8::int - 30))::int AS j,
                floor(random() * 100)::int AS roll, random() AS r_left, random() AS r_paid, floor(random() * 4)::int AS band,
                floor(random() * array_length($9::uuid[], 1))::int AS n0,
                floor(random() * greatest(1, array_length($9::uuid[], 1) - 1))::int AS d1,
                floor(random() * greatest(1, array_length($9::uuid[], 1) - 1))::int AS d2,
                random() AS r_moves, random() AS r_m1, random() AS r_m2
           FROM generate_series($2::int, $3::int) g),
       fates AS (
         SELECT b.*,
                CASE WHEN roll < 8 AND $7::date - j >= 160 THEN 'lapsed' WHEN roll >= 8 AND roll < 12 AND $7::date - j >= 90 THEN 'resigned' ELSE 'active' END AS status,
                -- Resigned at least a month ago: a roll frozen in the last weeks sees them as resigned.
                CASE WHEN roll >= 8 AND roll < 12 AND $7::date - j >= 90 THEN least($7::date - 30, j + 30 + floor(r_left * ($7::date - j - 30))::int) END AS left_on
           FROM base b),
       moved AS (
         SELECT f.*, coalesce(left_on, $7::date) AS until,
                CASE WHEN array_length($9::uuid[], 1) > 1 AND coalesce(left_on, $7::date) - j >= 120 AND r_moves < 0.15 THEN j + 30 + floor(r_m1 * (coalesce(left_on, $7::date) - j - 90))::int END AS move1
           FROM fates f),
       people AS MATERIALIZED (
         SELECT g, gen_random_uuid() AS id, f AS first_name, l AS last_name, lower(f || '.' || l || '.' || g || '@members.example.org') AS email,
                status, j AS joined_on, left_on, band,
                CASE status
                  WHEN 'active' THEN date_trunc('month', $7::date)::date
                  WHEN 'resigned' THEN date_trunc('month', left_on - 1)::date
                  ELSE date_trunc('month', j + least($7::date - j - 130, floor(r_paid * ($7::date - j))::int))::date
                END AS paid_until,
                ($9::uuid[])[1 + n0] AS b0,
                ($9::uuid[])[1 + (n0 + 1 + d1) % array_length($9::uuid[], 1)] AS b1,
                ($9::uuid[])[1 + (n0 + 1 + d1 + 1 + d2) % array_length($9::uuid[], 1)] AS b2,
                move1,
                CASE WHEN r_moves < 0.075 AND until - move1 >= 60 THEN move1 + 30 + floor(r_m2 * (until - move1 - 59))::int END AS move2
           FROM moved),
       p AS (
         SELECT people.*, CASE WHEN move2 IS NOT NULL THEN 2 WHEN move1 IS NOT NULL THEN 1 ELSE 0 END AS moves,
                CASE WHEN paid_until >= date_trunc('month', joined_on) THEN paid_until END AS last_paid
           FROM people),
       members AS (
         INSERT INTO membership.members (id, first_name, last_name, email, status, email_consent, email_consent_at, applied_on, joined_on, branch_id)
         SELECT id, first_name, last_name, email, status, true, joined_on::timestamptz, joined_on - 7, joined_on,
                CASE WHEN status = 'resigned' THEN NULL WHEN moves = 0 THEN b0 WHEN moves = 1 THEN b1 ELSE b2 END
           FROM p ORDER BY g),
       periods AS (
         INSERT INTO membership.branch_periods (member_id, branch_id, from_date, to_date)
         SELECT p.id, x.branch, x.from_date,
                CASE WHEN x.k < p.moves THEN x.to_date WHEN p.left_on IS NULL THEN NULL ELSE greatest(p.left_on, x.from_date + 1) END
           FROM p CROSS JOIN LATERAL (VALUES (0, p.b0, p.joined_on, p.move1), (1, p.b1, p.move1, p.move2), (2, p.b2, p.move2, NULL::date)) AS x(k, branch, from_date, to_date)
          WHERE x.k <= p.moves),
       history AS (
         INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, reason)
         SELECT p.id, x.fs, x.ts, x.d::timestamptz, x.d, x.reason
           FROM p CROSS JOIN LATERAL (VALUES
             (NULL, 'applicant', p.joined_on - 7, 'application received', true),
             ('applicant', 'active', p.joined_on, 'admitted by the branch', true),
             ('active', 'lapsed', coalesce(p.last_paid, p.joined_on) + 124, 'more than 3 months in arrears', p.status = 'lapsed'),
             ('active', 'resigned', p.left_on, 'resigned', p.status = 'resigned')
           ) AS x(fs, ts, d, reason, applies)
          WHERE x.applies),
       levels AS (
         INSERT INTO dues.member_levels (member_id, plan_id, income_band, amount_minor, effective_from)
         SELECT id, $1::uuid, ($10::text[])[band + 1], ($11::int[])[band + 1], joined_on FROM p),
       payments AS (
         INSERT INTO dues.payments (member_id, amount_minor, currency, paid_on, source, external_ref)
         SELECT p.id, ($11::int[])[p.band + 1], 'EUR', gs::date, 'seed', NULL
           FROM p CROSS JOIN LATERAL generate_series(date_trunc('month', p.joined_on), p.last_paid, interval '1 month') AS gs
          WHERE p.last_paid IS NOT NULL)
       SELECT count(*)::int AS n FROM p`,
      [plan.id, lo, hi, FIRST, LAST, start, o.today, span, branchIds, BAND_NAMES, BAND_AMOUNTS],
    );
    log(`${hi} / ${o.members} members`, { done: hi, total: o.members });
  }
  const [{ transfers }] = await m.query(`SELECT (count(*) - count(DISTINCT member_id))::int AS transfers FROM membership.branch_periods`);
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
  // The national bodies' members: a deterministic draw among active members.
  const [{ n: activeCount }] = await m.query(`SELECT count(*)::int AS n FROM membership.members WHERE status = 'active'`);
  const scale = (n: number) => Math.max(1, Math.min(n, Math.floor(activeCount / 20)));
  const wanted = scale(9) + scale(30) + scale(7) + scale(5) + scale(5) + scale(3);
  const pool: string[] = (await m.query(`SELECT id FROM membership.members WHERE status = 'active' ORDER BY md5($1 || email), id LIMIT $2`, [o.seed, wanted])).map(
    (x: { id: string }) => x.id,
  );
  let next = 0;
  const take = (n: number) => pool.slice(next, (next += n));
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
  // Branch committees: chair, secretary, treasurer from the branch's own active members (the
  // first three by e-mail who hold no national seat), one statement for every branch.
  const committees: { branch_id: string; body_id: string; officers: string[] }[] = await m.query(
    `WITH officers AS (
       SELECT branch_id, (array_agg(id ORDER BY email))[1:3] AS officers
         FROM (SELECT id, email, branch_id, row_number() OVER (PARTITION BY branch_id ORDER BY email) AS k
                 FROM membership.members WHERE status = 'active' AND branch_id IS NOT NULL AND id <> ALL($1::uuid[])) x
        WHERE k <= 3 GROUP BY branch_id HAVING count(*) = 3),
     bodies AS (
       INSERT INTO identity.bodies (kind, name, branch_id, seats)
       SELECT 'BRANCH_COMMITTEE', 'Branch committee ' || b.code, b.id, 3 FROM membership.branches b JOIN officers o ON o.branch_id = b.id
       RETURNING id, branch_id)
     SELECT b.branch_id, b.id AS body_id, o.officers FROM bodies b JOIN officers o USING (branch_id)`,
    [pool],
  );
  const order = new Map(branchIds.map((id, k) => [id, k]));
  committees.sort((a, b) => order.get(a.branch_id)! - order.get(b.branch_id)!);
  const branchOfficers: GeneratedOrganization['branchOfficers'] = [];
  for (const c of committees) {
    const [chair, secretary, treasurer] = c.officers;
    for (const [member, role] of [[chair, 'chair'], [secretary, 'secretary'], [treasurer, 'treasurer']] as const) {
      mandates.push({ member, body: c.body_id, role, kind: 'BRANCH_COMMITTEE', from: termStart, to: null, source: 'founding' });
    }
    branchOfficers.push({ branchId: c.branch_id, chair, secretary, treasurer });
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
  return { branchIds, bodies, holders, branchOfficers, planId: plan.id };
}
