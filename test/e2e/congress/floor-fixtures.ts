import { randomUUID } from 'node:crypto';
import type { TestApp } from '../../support/test-app';

export type Signed = { id: string; email: string; branchId: string | null; token: string; auth: { Authorization: string } };

export const HOUR = 3_600_000;
export const LONG_SESSIONS = { SESSION_TTL_HOURS: '720' };

export async function ok<T = any>(res: { status: number; body: any }, status = [200, 201]): Promise<T> {
  if (!status.includes(res.status)) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body as T;
}

/**
 * A congress whose delegates the elections context has already elected and accredited, written
 * as elections records them (the election, apportionment and accreditation themselves are
 * covered by test/e2e/elections/congress.e2e.spec.ts). `accredited` of the `delegates` are
 * accredited; the others are elected but have not presented their credential.
 */
export async function congressWithDelegates(t: TestApp, o: { branchId: string; delegates: Signed[]; accredited?: number }): Promise<string> {
  const ds = t.db.dataSource;
  const congressId = randomUUID();
  const electionId = randomUUID();
  await ds.query(
    `INSERT INTO elections.congresses (id, title, roll_id, apportionment_id, delegate_seats, quorum, opens_on, created_at) VALUES ($1, 'Congress 2027', $2, $3, $4, $5, '2027-05-01', now())`,
    [congressId, randomUUID(), randomUUID(), o.delegates.length, Math.max(1, Math.ceil(o.delegates.length / 2))],
  );
  await ds.query(
    `INSERT INTO elections.elections (id, title, purpose, scope_kind, branch_id, congress_id, seats, method, status, electorate_kind, created_at)
     VALUES ($1, 'Congress 2027: delegates', 'delegates', 'branch', $2, $3, $4, 'plurality', 'published', 'roll', now())`,
    [electionId, o.branchId, congressId, o.delegates.length],
  );
  const accredited = o.accredited ?? o.delegates.length;
  for (const [i, d] of o.delegates.entries()) {
    await ds.query(`INSERT INTO elections.delegates (congress_id, member_id, branch_id, election_id, accredited_at) VALUES ($1, $2, $3, $4, $5)`, [
      congressId,
      d.id,
      o.branchId,
      electionId,
      i < accredited ? new Date() : null,
    ]);
  }
  return congressId;
}

export const standingOrders = (deadline: Date, over: Record<string, unknown> = {}) => ({
  motionDeadline: deadline.toISOString(),
  secondersRequired: 2,
  voting: 'open',
  alternation: 'alternate-lists',
  speakingSeconds: 180,
  ...over,
});
