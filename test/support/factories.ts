import type { INestApplication } from '@nestjs/common';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { PasswordHasher, type BodyKind, type MandateRole } from '@org/identity';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export interface MadeMember {
  id: string;
  email: string;
  branchId: string | null;
}

/** Test data written straight to the database (fast, and independent of the routes under test). */
export class Factories {
  private hasher = new PasswordHasher({ env: process.env });
  private bodies = new Map<string, string>();

  constructor(
    private readonly ds: DataSource,
    private readonly app: INestApplication,
  ) {}

  async branch(name = `Branch ${unique()}`, foundedOn = '2010-01-01'): Promise<string> {
    const [r] = await this.ds.query(`INSERT INTO membership.branches (code, name, founded_on) VALUES ($1, $2, $3) RETURNING id`, [`T-${unique()}`, name, foundedOn]);
    return r.id;
  }

  /** A member with a branch history: `periods` default to one open period from `joinedOn`. */
  async member(o: { branchId?: string | null; status?: string; joinedOn?: string; firstName?: string; lastName?: string; email?: string; periods?: { branchId: string; from: string; to: string | null }[] } = {}): Promise<MadeMember> {
    const email = o.email ?? `m-${unique()}@test.localhost`;
    const joinedOn = o.joinedOn ?? '2020-01-01';
    const periods = o.periods ?? (o.branchId ? [{ branchId: o.branchId, from: joinedOn, to: null }] : []);
    const current = periods.find((p) => p.to === null)?.branchId ?? o.branchId ?? null;
    const status = o.status ?? 'active';
    const [r] = await this.ds.query(
      `INSERT INTO membership.members (first_name, last_name, email, status, email_consent, applied_on, joined_on, branch_id)
       VALUES ($1, $2, $3, $4, true, $5, $5, $6) RETURNING id`,
      [o.firstName ?? 'Test', o.lastName ?? `Member ${unique()}`, email, status, joinedOn, current],
    );
    await this.ds.query(
      `INSERT INTO membership.status_history (member_id, from_status, to_status, changed_at, effective_on, reason) VALUES ($1, NULL, $2, now(), $3, 'test')`,
      [r.id, status, joinedOn],
    );
    for (const p of periods) {
      await this.ds.query(`INSERT INTO membership.branch_periods (member_id, branch_id, from_date, to_date) VALUES ($1, $2, $3, $4)`, [r.id, p.branchId, p.from, p.to]);
    }
    return { id: r.id, email, branchId: current };
  }

  async account(memberId: string | null, email: string, password = 'test-password-123'): Promise<string> {
    const [r] = await this.ds.query(`INSERT INTO identity.accounts (email, member_id, password_hash) VALUES ($1, $2, $3) RETURNING id`, [email, memberId, await this.hasher.hash(password)]);
    return r.id;
  }

  async body(kind: BodyKind, branchId: string | null = null): Promise<string> {
    const key = `${kind}:${branchId ?? ''}`;
    const known = this.bodies.get(key);
    if (known) return known;
    const existing = await this.ds.query(`SELECT id FROM identity.bodies WHERE kind = $1 AND branch_id IS NOT DISTINCT FROM $2`, [kind, branchId]);
    const id = existing[0]?.id ?? (await this.ds.query(`INSERT INTO identity.bodies (kind, name, branch_id, seats) VALUES ($1, $2, $3, 9) RETURNING id`, [kind, `${kind} ${unique()}`, branchId]))[0].id;
    this.bodies.set(key, id);
    return id;
  }

  /** Inserts a mandate directly (bypassing S2 checks: use the MandateService to test those). */
  async mandate(memberId: string, kind: BodyKind, o: { role?: MandateRole; branchId?: string | null; startsOn?: string; endsOn?: string | null } = {}): Promise<string> {
    const bodyId = await this.body(kind, o.branchId ?? null);
    const [r] = await this.ds.query(
      `INSERT INTO identity.mandates (member_id, body_id, role, starts_on, ends_on, source_kind, source_ref) VALUES ($1, $2, $3, $4, $5, 'founding', 'test') RETURNING id`,
      [memberId, bodyId, o.role ?? 'member', o.startsOn ?? '2020-01-01', o.endsOn ?? null],
    );
    return r.id;
  }

  /** A member with an account, signed in; returns the bearer token. */
  async signedInMember(o: Parameters<Factories['member']>[0] = {}): Promise<MadeMember & { token: string; auth: { Authorization: string } }> {
    const m = await this.member(o);
    await this.account(m.id, m.email);
    const token = await this.login(m.email);
    return { ...m, token, auth: { Authorization: `Bearer ${token}` } };
  }

  async login(email: string, password = 'test-password-123'): Promise<string> {
    const res = await request(this.app.getHttpServer()).post('/auth/login').send({ email, password });
    if (res.status !== 200) throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }
}
