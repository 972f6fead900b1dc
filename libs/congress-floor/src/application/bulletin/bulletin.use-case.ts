import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditLog } from '@org/audit';
import type { Principal } from '@org/identity';
import { RestrictionsPort, type Tx } from '@org/kernel';
import { Clock } from '@org/platform';
import { restrictionRefusal } from '../../domain';
import { bulletinError, BulletinErrorCode, bulletinPhase, checkBulletinOrders, checkContribution, checkWithdrawal, type BulletinOrders, type BulletinPhase, type ContributionAuthor } from '../../domain/bulletin';
import { requireMember, requireReturningOfficer } from '../floor-access';
import { CaucusMotions } from '../ports/caucus-motions.port';
import { FloorRepository } from '../ports/floor.repository';
import { loadFloor } from '../use-cases/floor.use-case';
import { BulletinNotices } from './bulletin-notices.port';
import { BulletinRepository, type BulletinRecord, type ContributionRecord } from './bulletin.repository';
import { FloorTransactions } from '../ports/floor-transactions.port';

export interface ContributionView {
  id: string;
  congressId: string;
  /** A member, or a caucus — a caucus's contribution names the caucus only, never who submitted it. */
  author: ContributionAuthor;
  title: string;
  /** Null once withdrawn (the withdrawal itself stays shown). */
  text: string | null;
  words: number;
  publishedAt: string;
  withdrawnAt: string | null;
  /** The reader may withdraw it: their own, or their caucus's (while the bulletin is open). */
  yours: boolean;
}

export interface BulletinView {
  congressId: string;
  orders: BulletinOrders;
  phase: BulletinPhase;
  /** Every contribution, in the order published; withdrawn ones shown as withdrawn. */
  contributions: ContributionView[];
}

const sha256 = (s: string): string => createHash('sha256').update(s).digest('hex');

/**
 * The pre-congress discussion bulletin. A returning officer sets its standing orders (period and
 * length) once; every member is told once. Any member, or a caucus through a current member of it,
 * publishes a contribution within the period and the length: publication is immediate — there is
 * no approval, no hold, no edit, no order but publication order, for anybody. Only the author (for
 * a caucus: any current member) withdraws it, before the close; the withdrawal is shown. S5: a
 * member under a `no_speaking` interim measure does not publish (for themself or a caucus);
 * answered with the confidential message after scope.
 */
@Injectable()
export class BulletinUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly bulletins: BulletinRepository,
    private readonly caucuses: CaucusMotions,
    private readonly restrictions: RestrictionsPort,
    private readonly notices: BulletinNotices,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
  ) {}

  /** The bulletin section of the standing orders, set once (nobody moves the period afterwards). */
  async set(p: Principal, congressId: string, orders: BulletinOrders): Promise<BulletinView> {
    const by = requireReturningOfficer(p);
    const checked = checkBulletinOrders(orders);
    await this.ds.transaction(async (m) => {
      await loadFloor(m, this.floors, congressId, true);
      const existing = await this.bulletins.bulletin(m, congressId, true);
      if (existing) throw bulletinError('conflict', BulletinErrorCode.bulletinAlreadySet, `This congress's bulletin is already set (open ${existing.opensAt} to ${existing.closesAt}); its period and length do not change.`);
      const at = this.clock.now();
      await this.bulletins.insertBulletin(m, { congressId, ...checked, setBy: by, setAt: at.toISOString() });
      await this.record(m, by, 'bulletin.set', 'bulletin', congressId, { ...checked });
      await this.notices.announce(m, { congressId, orders: checked, actorId: by });
    });
    return this.view(p, congressId);
  }

  /** Publishes at once, for the member or (`caucusId`) for a caucus the member belongs to now. A retry with the same key returns the first answer. */
  async publish(p: Principal, congressId: string, cmd: { title: string; text: string; caucusId?: string | null }, idempotencyKey?: string): Promise<ContributionView> {
    const memberId = requireMember(p);
    let author: ContributionAuthor = { kind: 'member', memberId };
    if (cmd.caucusId) {
      // Asked before the transaction: the roster is on the caucuses' own connection (README).
      if (!(await this.caucuses.mayActFor(cmd.caucusId, memberId))) {
        throw bulletinError('forbidden', BulletinErrorCode.mayNotPublishFor, 'You can publish a contribution only for a caucus you belong to.');
      }
      author = { kind: 'caucus', caucusId: cmd.caucusId };
    }
    const key = idempotencyKey ? { keySha256: sha256(idempotencyKey), requestSha256: sha256(JSON.stringify([congressId, author, cmd.title, cmd.text])) } : null;
    const id = await this.ds.transaction(async (m) => {
      const b = await this.requireBulletin(m, congressId);
      if (key) {
        const earlier = await this.bulletins.byKey(m, congressId, author, key.keySha256);
        if (earlier && earlier.requestSha256 !== key.requestSha256) {
          throw bulletinError('conflict', BulletinErrorCode.idempotencyKeyReused, 'This Idempotency-Key was already used for a different contribution. Use a new key for a new contribution.', { field: 'Idempotency-Key' });
        }
        if (earlier) return earlier.id;
      }
      // Scope (a member; for a caucus, one of its members) first; the restriction after it.
      const restricted = await this.restrictions.restrictionsFor(memberId, this.clock.now(), m);
      if (restricted.some((r) => r.kind === 'no_speaking')) throw restrictionRefusal();
      const now = this.clock.now();
      const ok = checkContribution(b, cmd, now);
      const c: ContributionRecord = { id: randomUUID(), congressId, author, title: ok.title, text: ok.text, words: ok.words, publishedAt: now.toISOString(), withdrawnAt: null };
      await this.bulletins.insertContribution(m, c, key);
      await this.record(m, author.kind === 'member' ? memberId : null, 'contribution.published', 'contribution', c.id, {
        congressId,
        author: author.kind,
        ...(author.kind === 'caucus' ? { caucusId: author.caucusId } : {}),
        words: c.words,
      });
      return c.id;
    });
    return this.one(p, id);
  }

  async withdraw(p: Principal, contributionId: string): Promise<ContributionView> {
    const memberId = requireMember(p);
    const before = await this.bulletins.contribution(this.ds.manager, contributionId);
    if (!before) throw this.notFound();
    const actsForCaucus = before.author.kind === 'caucus' && (await this.caucuses.mayActFor(before.author.caucusId, memberId));
    await this.ds.transaction(async (m) => {
      const c = (await this.bulletins.contribution(m, contributionId, true)) as ContributionRecord;
      const b = await this.requireBulletin(m, c.congressId);
      const now = this.clock.now();
      checkWithdrawal(b, c, { memberId, actsForCaucus }, now);
      await this.bulletins.markWithdrawn(m, c.id, now.toISOString());
      await this.record(m, c.author.kind === 'member' ? memberId : null, 'contribution.withdrawn', 'contribution', c.id, { congressId: c.congressId, author: c.author.kind });
    });
    return this.one(p, contributionId);
  }

  async view(p: Principal, congressId: string): Promise<BulletinView> {
    const memberId = requireMember(p);
    const m = this.ds.manager;
    const b = await this.requireBulletin(m, congressId);
    const all = await this.bulletins.contributions(m, congressId);
    const mine = await this.caucusesOf(memberId, all);
    return { congressId, orders: this.ordersOf(b), phase: bulletinPhase(b, this.clock.now()), contributions: all.map((c) => this.toView(c, memberId, mine)) };
  }

  async one(p: Principal, contributionId: string): Promise<ContributionView> {
    const memberId = requireMember(p);
    const c = await this.bulletins.contribution(this.ds.manager, contributionId);
    if (!c) throw this.notFound();
    return this.toView(c, memberId, await this.caucusesOf(memberId, [c]));
  }

  /** The caucuses among these authors the reader belongs to (asked one by one, yes or no, on the caucuses' connection). */
  private async caucusesOf(memberId: string, cs: ContributionRecord[]): Promise<Set<string>> {
    const ids = [...new Set(cs.flatMap((c) => (c.author.kind === 'caucus' ? [c.author.caucusId] : [])))];
    const yes = new Set<string>();
    for (const id of ids) if (await this.caucuses.mayActFor(id, memberId)) yes.add(id);
    return yes;
  }

  private toView(c: ContributionRecord, memberId: string, myCaucuses: Set<string>): ContributionView {
    return {
      id: c.id,
      congressId: c.congressId,
      author: c.author,
      title: c.title,
      text: c.withdrawnAt ? null : c.text,
      words: c.words,
      publishedAt: c.publishedAt,
      withdrawnAt: c.withdrawnAt,
      yours: c.author.kind === 'member' ? c.author.memberId === memberId : myCaucuses.has(c.author.caucusId),
    };
  }

  private ordersOf(b: BulletinRecord): BulletinOrders {
    return { opensAt: b.opensAt, closesAt: b.closesAt, maxWords: b.maxWords };
  }

  private async requireBulletin(m: Tx, congressId: string): Promise<BulletinRecord> {
    const b = await this.bulletins.bulletin(m, congressId);
    if (!b) throw bulletinError('not_found', BulletinErrorCode.bulletinNotSet, "This congress has no discussion bulletin (a returning officer sets its period and length: POST /congresses/:id/bulletin).");
    return b;
  }

  private notFound() {
    return bulletinError('not_found', BulletinErrorCode.contributionNotFound, 'No such contribution.');
  }

  private record(m: Tx, actorId: string | null, action: string, subjectType: string, subjectId: string, data: Record<string, unknown>) {
    return this.audit.record(m, { actorId, actorKind: actorId ? 'member' : 'caucus', context: 'congress-floor', action, subjectType, subjectId, data }, this.clock.now());
  }
}
