import { createHash, randomBytes } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { DataSource } from 'typeorm';
import type { DemoAccount, DemoContext } from './demo-contributor';

const DAY_MS = 86_400_000;

/**
 * Acts in the demo organization as its members would: each request goes through the platform's
 * own HTTP routes (policies, validation, the elections rules), in-process, under a short session
 * opened for the member acting. The sessions are revoked when the seed is done.
 */
class DemoActors {
  private readonly tokens = new Map<string, string>();
  constructor(
    private readonly app: NestFastifyApplication,
    private readonly ds: DataSource,
  ) {}

  private async token(memberId: string): Promise<string> {
    const known = this.tokens.get(memberId);
    if (known) return known;
    const [account] = await this.ds.query(`SELECT id FROM identity.accounts WHERE member_id = $1`, [memberId]);
    if (!account) throw new Error(`demo: member ${memberId} has no account`);
    const token = randomBytes(32).toString('base64url');
    // Sessions store only the token's SHA-256, as the identity context's own sign-in does.
    await this.ds.query(`INSERT INTO identity.sessions (account_id, token_hash, expires_at) VALUES ($1, $2, $3)`, [
      account.id,
      createHash('sha256').update(token).digest('hex'),
      new Date(Date.now() + 2 * 3600_000),
    ]);
    this.tokens.set(memberId, token);
    return token;
  }

  /** The route's answer (`status`, parsed `body`). */
  async try(memberId: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<{ status: number; body: any }> {
    const res = await this.app
      .getHttpAdapter()
      .getInstance()
      .inject({ method, url, headers: { authorization: `Bearer ${await this.token(memberId)}`, 'content-type': 'application/json' }, payload: payload ? JSON.stringify(payload) : method === 'POST' ? '{}' : undefined });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
  }

  /** Like `try`, but a refusal stops the seed with the route's message. */
  async do(memberId: string, method: 'GET' | 'POST', url: string, payload?: object): Promise<any> {
    const r = await this.try(memberId, method, url, payload);
    if (r.status >= 300) throw new Error(`demo: ${method} ${url} answered ${r.status}: ${JSON.stringify(r.body)}`);
    return r.body;
  }

  async end(): Promise<void> {
    const hashes = [...this.tokens.values()].map((t) => createHash('sha256').update(t).digest('hex'));
    if (hashes.length) await this.ds.query(`UPDATE identity.sessions SET revoked_at = now() WHERE token_hash = ANY($1::text[]) AND revoked_at IS NULL`, [hashes]);
  }
}

export interface DemoElectionsResult {
  openElectionId: string | null;
  congressId: string | null;
  delegates: number;
}

/**
 * The elections side of the demo:
 * - an open, organization-wide by-election to the Central Committee's vacant seats (STV), three
 *   candidates each nominated by three members, voting open for 14 days: the demo `member` (and
 *   every member in good standing) can vote in it;
 * - a congress with its delegates: the roll frozen 20 days ago, delegates apportioned to the
 *   branches, one delegate election per branch, as many candidates as seats, acclaimed once the
 *   14-day nomination period (E1) had passed (replayed with the seed's clock), results published.
 *   Without a movable clock the congress stops at its delegate elections, nominations open.
 */
export async function seedDemoElections(nest: INestApplication, ds: DataSource, accounts: readonly DemoAccount[], context: DemoContext): Promise<DemoElectionsResult> {
  const app = nest as NestFastifyApplication;
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  const actors = new DemoActors(app, ds);
  const ro = accounts.find((a) => a.role === 'returning-officer')?.memberId;
  const voter = accounts.find((a) => a.role === 'member')?.memberId;
  const result: DemoElectionsResult = { openElectionId: null, congressId: null, delegates: 0 };
  if (!ro || !voter) return result;
  const demoIds = accounts.map((a) => a.memberId);
  // People who stand and nominate: members without a mandate and without a demo login.
  const ordinary = async (sql: string, params: unknown[]): Promise<string[]> =>
    (await ds.query(sql, params)).map((r: { member_id: string }) => r.member_id).filter((id: string) => !demoIds.includes(id));
  /** Stands `candidates` members (each nominated by three others of `pool`) until `count` are validly nominated. */
  const nominate = async (electionId: string, pool: string[], count: number): Promise<number> => {
    let nominated = 0;
    const used = new Set<string>();
    for (const candidate of pool) {
      if (nominated >= count) break;
      if (used.has(candidate)) continue;
      const stood = await actors.try(candidate, 'POST', `/elections/${electionId}/nominations`, {});
      if (stood.status >= 300) continue;
      used.add(candidate);
      let backers = 0;
      for (const n of pool) {
        if (backers >= 3) break;
        if (n === candidate || used.has(n)) continue;
        const r = await actors.try(n, 'POST', `/elections/${electionId}/candidates/${stood.body.id}/nominators`, {});
        if (r.status < 300) backers++;
      }
      if (backers >= 3) nominated++;
      else await actors.try(candidate, 'POST', `/elections/${electionId}/candidates/${stood.body.id}/withdraw`, {});
    }
    return nominated;
  };

  try {
    // ── a congress with its delegates (first, so that its dates lie in the past) ───────────────
    const present = new Date();
    if (context.travelTo) context.travelTo(new Date(present.getTime() - 20 * DAY_MS));
    try {
      const today = new Date(Date.now() - (context.travelTo ? 20 * DAY_MS : 0)).toISOString().slice(0, 10);
      const roll = await actors.do(ro, 'POST', '/electoral-rolls', { asOf: today, scope: 'organization', label: 'Congress 2027' });
      const apportionment = await actors.do(ro, 'POST', `/electoral-rolls/${roll.id}/apportionment`, { seats: 40, minimumPerBranch: 1 });
      const opensOn = new Date(present.getTime() + 30 * DAY_MS).toISOString().slice(0, 10);
      const congress = await actors.do(ro, 'POST', '/congresses', { title: 'Congress 2027', apportionmentId: apportionment.id, opensOn });
      result.congressId = congress.congress?.id ?? congress.id;
      const elections: { id: string; seats: number; scope: { branchId: string } }[] = await actors.do(ro, 'POST', `/congresses/${result.congressId}/delegate-elections`, {});
      const ready: string[] = [];
      for (const e of elections) {
        await actors.do(ro, 'POST', `/elections/${e.id}/open-nominations`);
        const pool = await ordinary(
          `SELECT e.member_id FROM elections.electors e WHERE e.election_id = $1
             AND NOT EXISTS (SELECT 1 FROM identity.mandates md WHERE md.member_id = e.member_id) ORDER BY e.member_id`,
          [e.id],
        );
        if ((await nominate(e.id, pool, e.seats)) > 0) ready.push(e.id);
      }
      if (context.travelTo) {
        context.travelTo(new Date(present.getTime() - 5 * DAY_MS));
        for (const id of ready) {
          await actors.do(ro, 'POST', `/elections/${id}/acclaim`);
          await actors.do(ro, 'POST', `/elections/${id}/publish`);
        }
        const view = await actors.do(ro, 'GET', `/congresses/${result.congressId}`);
        result.delegates = (view.delegates ?? []).length;
      }
    } finally {
      context.travelTo?.(null);
    }

    // ── an open election every member in good standing can vote in ─────────────────────────────
    const [cc] = await ds.query(
      `SELECT b.id, b.seats - (SELECT count(*) FROM identity.mandates md WHERE md.body_id = b.id AND md.role <> 'alternate' AND (md.ends_on IS NULL OR md.ends_on > CURRENT_DATE))::int AS vacant
         FROM identity.bodies b WHERE b.kind = 'CC' ORDER BY b.name LIMIT 1`,
    );
    if (cc && cc.vacant > 0) {
      const election = await actors.do(ro, 'POST', '/elections', {
        title: 'Central Committee by-election',
        purpose: 'body',
        scope: 'organization',
        bodyId: cc.id,
        seats: Math.min(2, cc.vacant),
        method: 'scottish-stv',
      });
      await actors.do(ro, 'POST', `/elections/${election.id}/open-nominations`);
      const pool = await ordinary(
        `SELECT e.member_id FROM elections.electors e WHERE e.election_id = $1
           AND NOT EXISTS (SELECT 1 FROM identity.mandates md WHERE md.member_id = e.member_id)
           AND NOT EXISTS (SELECT 1 FROM elections.delegates d WHERE d.member_id = e.member_id) ORDER BY e.member_id DESC`,
        [election.id],
      );
      await nominate(election.id, pool, 3);
      await actors.do(ro, 'POST', `/elections/${election.id}/open-voting`, { closesAt: new Date(Date.now() + 14 * DAY_MS).toISOString() });
      result.openElectionId = election.id;
    }
  } finally {
    await actors.end();
  }
  return result;
}
