import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/kernel';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Caucus, caucusError, CaucusErrorCode, caucusNotFound, membersOnly, tellCount, type CaucusPublicFace, type Told } from '../../domain';
import type { CaucusActor } from '../caucus-actor';
import { CaucusAudit } from '../caucus-audit';
import { CAUCUS_SETTINGS, type CaucusSettings } from '../caucus-settings';
import { CaucusMemberNames } from '../ports/caucus-member-names.port';
import { CaucusRepository } from '../ports/caucus.repository';
import { CaucusTransactions } from '../ports/caucus-transactions.port';

/** A caucus as told to one person: its public face, its count as they may know it, and whether they belong. */
export interface CaucusView {
  readonly face: CaucusPublicFace;
  readonly count: Told;
  readonly youBelong: boolean;
}

export interface RosterView {
  readonly caucus: CaucusView;
  readonly members: { memberId: string; name: string; current: boolean; joinedAt: Date }[];
}

const notAMember = (): DomainError =>
  caucusError('forbidden', CaucusErrorCode.membersOnly, 'Only members of the organization can form, join or take part in caucuses.');

/**
 * Forming, joining and leaving caucuses, and what each person may know of them. Every method acts
 * for the person calling and nobody else: there is no way to add or remove somebody else.
 */
@Injectable()
export class CaucusesUseCase {
  constructor(
    private readonly db: CaucusTransactions,
    private readonly caucuses: CaucusRepository,
    private readonly names: CaucusMemberNames,
    private readonly audit: CaucusAudit,
    private readonly clock: Clock,
    @Inject(CAUCUS_SETTINGS) private readonly settings: CaucusSettings,
  ) {}

  /** Proposes a caucus; the proposer is its first signatory. It forms when the signatures reach the threshold. */
  async propose(actor: CaucusActor, input: { name: string; purpose: string }): Promise<CaucusView> {
    const memberId = this.memberOf(actor);
    const proposal = Caucus.propose(input, this.settings.rules);
    const id = await this.db.transaction(async (tx) => {
      if (await this.caucuses.nameTaken(tx, proposal.name)) {
        throw caucusError('conflict', CaucusErrorCode.nameTaken, `A caucus named "${proposal.name}" exists already: join it, or choose another name.`, { field: 'name' });
      }
      const now = this.clock.now();
      const created = await this.caucuses.insert(tx, { ...proposal, at: now });
      await this.caucuses.addMember(tx, created, memberId, now);
      await this.audit.record(tx, 'caucus.proposed', 'caucus', created, { threshold: proposal.threshold });
      return created;
    });
    return this.show(actor, id);
  }

  /** The member joins the caucus (while it forms: signs its formation request). */
  async join(actor: CaucusActor, caucusId: string): Promise<CaucusView> {
    const memberId = this.memberOf(actor);
    await this.db.transaction(async (tx) => {
      const caucus = await this.load(tx, caucusId, true);
      const { formsNow } = caucus.join(memberId);
      const now = this.clock.now();
      await this.caucuses.addMember(tx, caucusId, memberId, now);
      if (formsNow) await this.form(tx, caucusId, now);
    });
    return this.show(actor, caucusId);
  }

  /** The member leaves the caucus (while it forms: withdraws their signature). */
  async leave(actor: CaucusActor, caucusId: string): Promise<CaucusView> {
    const memberId = this.memberOf(actor);
    return this.db.transaction(async (tx) => {
      const caucus = await this.load(tx, caucusId, true);
      const { lapses } = caucus.leave(memberId);
      await this.caucuses.removeMember(tx, caucusId, memberId);
      if (lapses) {
        // Nobody signs it any more: the proposal lapses, and its name is free for another.
        await this.caucuses.deleteLapsed(tx, caucusId);
        await this.audit.record(tx, 'caucus.lapsed', 'caucus', caucusId);
        return { face: caucus.face, count: { exact: 0, fewerThan: null }, youBelong: false };
      }
      return this.viewOf(await this.load(tx, caucusId), actor);
    });
  }

  /** Every caucus, forming or formed, with its count as the caller may know it. */
  async list(actor: CaucusActor): Promise<CaucusView[]> {
    const rows = await this.db.transaction((tx) => this.caucuses.list(tx, actor.memberId));
    return rows.map((r) => ({ face: r.face, count: tellCount(r.count, r.askerIsMember, this.settings.rules.countFloor), youBelong: r.askerIsMember }));
  }

  async show(actor: CaucusActor, caucusId: string): Promise<CaucusView> {
    return this.db.transaction(async (tx) => this.viewOf(await this.load(tx, caucusId), actor));
  }

  /** Who belongs: to the caucus's own members only. Anybody else — whatever office they hold — is refused, and the attempt audited. */
  async roster(actor: CaucusActor, caucusId: string): Promise<RosterView> {
    const { view, entries } = await this.asMember(actor, caucusId, 'roster', async (tx, caucus) => ({
      view: this.viewOf(caucus, actor),
      entries: await this.caucuses.roster(tx, caucusId),
    }));
    const names = await this.names.namesOf(entries.map((e) => e.memberId));
    return {
      caucus: view,
      members: entries.map((e) => {
        const n = names.get(e.memberId);
        return { memberId: e.memberId, name: n?.name ?? 'A former member', current: n ? ['active', 'lapsed', 'suspended'].includes(n.status) : false, joinedAt: e.joinedAt };
      }),
    };
  }

  /**
   * Runs `work` for a member of the caucus. Anybody else is refused with the one answer, and the
   * refusal is audited in a transaction of its own that commits before the refusal is thrown.
   */
  async asMember<T>(actor: CaucusActor, caucusId: string, what: 'roster' | 'discussion' | 'votes', work: (tx: Tx, caucus: Caucus) => Promise<T>): Promise<T> {
    const outcome = await this.db.transaction(async (tx) => {
      const caucus = await this.load(tx, caucusId);
      if (!caucus.has(actor.memberId)) {
        await this.audit.refused(tx, actor, caucusId, what);
        return { refused: true as const };
      }
      return { refused: false as const, value: await work(tx, caucus) };
    });
    if (outcome.refused) throw membersOnly();
    return outcome.value;
  }

  async load(tx: Tx, caucusId: string, lock = false): Promise<Caucus> {
    const face = await this.caucuses.face(tx, caucusId, lock);
    if (!face) throw caucusNotFound();
    return new Caucus(face, new Set(await this.caucuses.memberIds(tx, caucusId)));
  }

  private viewOf(caucus: Caucus, actor: CaucusActor): CaucusView {
    const youBelong = caucus.has(actor.memberId);
    return { face: caucus.face, count: tellCount(caucus.count, youBelong, this.settings.rules.countFloor), youBelong };
  }

  private async form(tx: Tx, caucusId: string, at: Date): Promise<void> {
    await this.caucuses.markFormed(tx, caucusId, at);
    await this.audit.record(tx, 'caucus.formed', 'caucus', caucusId);
  }

  private memberOf(actor: CaucusActor): string {
    if (!actor.isMember || !actor.memberId) throw notAMember();
    return actor.memberId;
  }
}
