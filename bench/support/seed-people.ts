import { createHash, randomBytes } from 'node:crypto';
import type { Client } from 'pg';

/** Members of one branch, each with an account and a signed-in session, written straight to a fresh benchmark database. */
export interface SeededPeople {
  branchId: string;
  memberIds: string[];
  /** Bearer tokens, in the order of `memberIds` (only their SHA-256 is stored, as sign-in stores them). */
  tokens: string[];
}

/**
 * Seeds `count` active members of one new branch, with accounts and sessions valid for a day.
 * `history` also writes their status history and branch periods (what electoral rolls read).
 */
export async function seedSignedInMembers(db: Client, o: { count: number; firstName: string; emailPrefix: string; history?: boolean }): Promise<SeededPeople> {
  const [{ id: branchId }] = (await db.query(`INSERT INTO membership.branches (code, name, founded_on) VALUES ('BENCH', 'Bench branch', '2010-01-01') RETURNING id`)).rows;
  const memberIds: string[] = (
    await db.query(
      `INSERT INTO membership.members (first_name, last_name, email, status, applied_on, joined_on, branch_id)
       SELECT $3, 'No ' || g, NULL, 'active', '2020-01-01', '2020-01-01', $1 FROM generate_series(1, $2) g RETURNING id`,
      [branchId, o.count, o.firstName],
    )
  ).rows.map((r) => r.id);
  if (o.history) {
    await db.query(`INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on) SELECT id, NULL, 'active', now(), '2020-01-01' FROM membership.members`);
    await db.query(`INSERT INTO membership.branch_periods (member_id, branch_id, from_date) SELECT id, branch_id, '2020-01-01' FROM membership.members`);
  }
  const accountIds: string[] = (
    await db.query(`INSERT INTO identity.accounts (email, member_id) SELECT $2 || m.id || '@bench.localhost', m.id FROM unnest($1::uuid[]) AS m(id) RETURNING id`, [memberIds, o.emailPrefix])
  ).rows.map((r) => r.id);
  const tokens = accountIds.map(() => randomBytes(32).toString('base64url'));
  await db.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) SELECT * FROM unnest($1::uuid[], $2::text[], $3::timestamptz[])`, [
    accountIds,
    tokens.map((t) => createHash('sha256').update(t).digest('hex')),
    accountIds.map(() => new Date(Date.now() + 86_400_000)),
  ]);
  return { branchId, memberIds, tokens };
}

/** A returning officer's seat on a new Elections Committee, held by `memberId` since 2020 (as a founding act records it). */
export async function seatReturningOfficer(db: Client, memberId: string): Promise<void> {
  const [{ id: electionsBody }] = (await db.query(`INSERT INTO identity.bodies (kind, name, seats) VALUES ('ELECTIONS', 'Elections Committee', 5) RETURNING id`)).rows;
  await db.query(`INSERT INTO identity.mandates (member_id, body_id, role, starts_on, source_kind, source_ref) VALUES ($1, $2, 'returning-officer', '2020-01-01', 'founding', 'bench')`, [memberId, electionsBody]);
}
