import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import { AuditLog } from '@org/audit';
import { DomainError } from '@org/kernel';
import { Clock } from '@org/platform';
import { Appeal, type AppealGround } from '../../domain/appeal/appeal.entity';
import { appealVoteCountLabel, type AppealVote, type AppealVoteCounts } from '../../domain/appeal/appeal-majority.policy';
import { AppealErrorCode, appealError } from '../../domain/appeal/appeal.errors';
import type { AppealOutcomeKind } from '../../domain/finding/finding-alteration.policy';
import { Finding } from '../../domain/finding/finding.entity';
import type { Sanction } from '../../domain/finding/sanction.value-object';
import { AppealRepository } from '../ports/appeal.repository';
import { FindingRepository } from '../ports/finding.repository';
import { MemberDirectoryRepository } from '../ports/member-directory.repository';
import type { CaseFile, ProceedingsRole } from '../access/case-file';
import { CaseGate } from '../access/case-gate.service';
import { CaseNotifier } from '../access/case-notifier';
import { findingNotFound } from '../finding/deliberate.use-case';
import { FindingFinality } from '../finding/finding-finality';
import type { DisciplineActor } from '../access/discipline-actor';
import { RecusalFacts } from '../ports/recusal-facts.port';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { PanelDrawing, type RecordedPanelDraw } from './panel-drawing';
import { AUDIT_SUBJECT } from '../case-content/case-content.service';
import { DisciplineTransactions } from '../ports/discipline-transactions.port';

export interface AppealView {
  readonly appealId: string;
  readonly findingId: string;
  readonly status: string;
  readonly appellants: readonly { personId: string; role: string; grounds: readonly AppealGround[]; lodgedAt: string }[];
  readonly appealsPanelIds: readonly string[];
  readonly panelShortfall: number;
  /** S3 shortfall: the Appeals Committee members drawn, who appoint the missing members, and whom they have appointed. */
  readonly adHoc: { readonly committee: readonly string[]; readonly seatsToFill: number; readonly appointed: readonly string[]; readonly completedAt: string | null } | null;
  readonly decision: {
    outcome: AppealOutcomeKind;
    sanction: Sanction | null;
    reasons: string;
    counts: AppealVoteCounts;
    /** "2–1": for the decision reached – for anything else. */
    voteCount: string;
    decidedAt: string;
  } | null;
  /** To the members of the appeals panel only: each member's vote, as a finding's votes are shown to its panel. */
  readonly votes?: readonly AppealVote[];
  /** To the members of the appeals panel only: who has not voted yet (empty once decided). */
  readonly outstandingVoters?: readonly string[];
  /** After a remand: the new panel (none of the first panel nor of the appeals panel). */
  readonly remandFindingId: string | null;
}

const notAnAppealsPanelist = () =>
  appealError('forbidden', AppealErrorCode.NotAnAppealsPanelist, 'Only the members of the Appeals Committee panel hearing this appeal vote on it.');

/**
 * Appeals (S7): only a party, within the window (default 30 days), on stated grounds. Lodging
 * draws the Appeals Committee panel at once with the recusal engine (`ownBodyKind` APPEALS),
 * none of whom sat on the panel that made the finding. The appeals panel decides by its members'
 * votes (a strict majority of the panel for the same outcome and sanction): uphold or
 * modify the sanction (the finding becomes final and takes effect), or remand to a new panel of
 * the commission drawn the same way, with no member of the first panel nor of the appeals panel.
 */
@Injectable()
export class AppealsUseCase {
  constructor(
    private readonly db: DisciplineTransactions,
    private readonly gate: CaseGate,
    private readonly findings: FindingRepository,
    private readonly appeals: AppealRepository,
    private readonly drawing: PanelDrawing,
    private readonly facts: RecusalFacts,
    private readonly members: MemberDirectoryRepository,
    private readonly finality: FindingFinality,
    private readonly notifier: CaseNotifier,
    private readonly audit: AuditLog,
    private readonly clock: Clock,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  /** A party appeals (or joins the pending appeal with their own grounds). */
  async lodge(actor: DisciplineActor, key: string, findingId: string, grounds: readonly AppealGround[]): Promise<AppealView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      file.requireRole(actor, ['complainant', 'respondent'], () =>
        appealError('forbidden', AppealErrorCode.NotAParty, 'Only a party to the case (a complainant or the respondent) may appeal a finding.'),
      );
      const finding = file.finding(findingId);
      if (!finding) throw findingNotFound();
      const appellantId = actor.personId as string;
      const pending = file.appeals.find((a) => a.findingId === findingId && a.status !== 'decided');
      if (pending) {
        const joined = pending.join({ appellantId, grounds, now: at });
        await this.appeals.update(m, joined.next);
        await this.record(m, actor, caseId, 'appeal.joined', { appealId: pending.appealId, findingId }, now);
        await this.notifier.notifyPeople(m, pending.appealsPanelIds);
        return this.view(joined.next, await this.appeals.drawOf(m, pending.appealId), null);
      }
      const lodged = Appeal.lodge({ appealId: randomUUID(), finding, appellantId, grounds, now: at });
      const registered = finding.registerAppeal({ appealId: lodged.next.appealId, findingId }, at);
      const draw = await this.drawing.draw(m, { c: file.c, purpose: 'appeal', exclude: this.earlierPanels(file, finding), now: at });
      let appeal = lodged.next;
      if (draw.record.drawn.length > 0 && draw.record.shortfall === 0) {
        appeal = appeal.seatPanel({ memberIds: draw.record.drawn.map((d) => d.memberId), now: at }).next;
      } else if (draw.record.drawn.length > 0) {
        // S3 shortfall: the members drawn complete the panel with eligible members (ad hoc).
        appeal = appeal.requestAdHocPanel({ committee: draw.record.drawn.map((d) => d.memberId), seatsToFill: draw.record.shortfall, now: at });
      }
      await this.findings.update(m, registered.next);
      await this.appeals.insert(m, appeal, draw);
      await this.record(m, actor, caseId, 'appeal.lodged', {
        appealId: appeal.appealId,
        findingId,
        grounds: grounds.map((g) => g.ground),
        appealsPanel: appeal.appealsPanelIds,
        seed: draw.record.seed,
        shortfall: draw.record.shortfall,
      }, now);
      await this.notifier.notifyPeople(
        m,
        [...file.complainantIds(), finding.respondentId, ...finding.panelistIds, ...appeal.appealsPanelIds, ...appeal.adHocCommittee].filter((id) => id !== appellantId),
      );
      return this.view(appeal, draw, null);
    });
  }

  /**
   * A member of the appeals panel drawn for this appeal records (or changes) their vote: an
   * outcome, the new sanction for modify_sanction, and their reasons. When a strict majority of
   * the panel has voted for the same decision (`appealMajority`), the appeal is decided in the
   * same transaction, with the counts computed from the votes: the finding becomes final (uphold,
   * modify_sanction) or is set aside and a new panel drawn (remand), and the parties are told.
   * Anyone without a role in the case gets its "not found"; anyone else not on the appeals panel a
   * refusal. Every vote is audited (who, which appeal, whether it changed — never its content).
   */
  async vote(
    actor: DisciplineActor,
    key: string,
    appealId: string,
    input: { outcome: AppealOutcomeKind; sanction?: Sanction; reasons: string },
  ): Promise<AppealView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      const appeal = file.appeals.find((a) => a.appealId === appealId);
      const role = file.roleOf(actor);
      if (role === 'none') file.requireRole(actor, [], notAnAppealsPanelist);
      if (!appeal) throw new DomainError('not_found', 'discipline.appeal.not_found', 'This case has no such appeal.');
      if (!appeal.appealsPanelIds.includes(actor.memberId ?? '')) throw notAnAppealsPanelist();
      const cast = appeal.castVote({ panelistId: actor.memberId as string, outcome: input.outcome, sanction: input.sanction, reasons: input.reasons, now: at });
      const voted = cast.events.find((e) => e.type === 'discipline.appeal.vote_cast');
      await this.record(m, actor, caseId, 'appeal.vote-cast', {
        appealId,
        changed: voted?.type === 'discipline.appeal.vote_cast' ? voted.changed : false,
        votesCast: cast.next.votes.length,
        panelSize: cast.next.appealsPanelIds.length,
      }, now);
      if (cast.next.status !== 'decided') {
        await this.appeals.update(m, cast.next);
        return this.view(cast.next, await this.appeals.drawOf(m, appealId), null, role);
      }
      const decided = cast.next;
      const decision = decided.decision!;
      const finding = file.finding(appeal.findingId);
      if (!finding) throw findingNotFound();
      const applied = finding.applyAppealDecision(decided.decidedView(), at);
      await this.appeals.update(m, decided);
      let remandFindingId: string | null = null;
      if (applied.next.status === 'final') {
        await this.finality.takeEffect(m, file, applied.next, applied.events, now);
      } else {
        await this.findings.update(m, applied.next);
        remandFindingId = await this.remand(m, file, applied.next, decided, now);
      }
      await this.record(m, actor, caseId, 'appeal.decided', {
        appealId,
        findingId: finding.findingId,
        outcome: decision.outcome,
        counts: decision.counts,
        remandFindingId,
      }, now);
      await this.notifier.notifyPeople(m, [...file.complainantIds(), finding.respondentId]);
      return this.view(decided, await this.appeals.drawOf(m, appealId), remandFindingId, role);
    });
  }

  /**
   * S3 shortfall on an appeal: an Appeals Committee member drawn for it (cleared, not conflicted)
   * names or backs an eligible member for a seat the draw could not fill. The nominee goes through
   * the recusal engine (seat `ad_hoc`, the Appeals Committee's panel) and the appeal's own checks;
   * a majority of the members drawn appoints; the last appointment seats the panel. Recorded in
   * the appeal and the audit log. Anyone else gets the case's "not found" or a refusal.
   */
  async nominateAdHocPanelist(actor: DisciplineActor, key: string, appealId: string, nomineeId: string): Promise<AppealView> {
    return this.db.transaction(async (m) => {
      const now = this.clock.now();
      const at = now.toISOString();
      const file = await this.gate.file(m, key, { forUpdate: true, actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, ['appeals_panelist'], () =>
        appealError('forbidden', AppealErrorCode.NotAnAppealsPanelist, 'Only the Appeals Committee members drawn for this appeal appoint members to its missing seats.'),
      );
      void role;
      const appeal = file.appeals.find((a) => a.appealId === appealId) ?? null;
      if (!appeal) throw new DomainError('not_found', 'discipline.appeal.not_found', 'This case has no such appeal.');
      const me = actor.memberId as string;
      if (!(appeal.toSnapshot().adHoc?.committee ?? []).includes(me)) {
        throw appealError('forbidden', AppealErrorCode.NotAnAppealsPanelist, 'Only the Appeals Committee members drawn for this appeal appoint members to its missing seats.');
      }
      const draw = await this.appeals.drawOf(m, appealId);
      const recusal = await this.drawing.assess(m, file.c, [{ memberId: nomineeId, seat: 'ad_hoc' }], 'APPEALS', at);
      const mandates = await this.facts.mandates(m, [nomineeId]);
      const activeMember = (await this.members.status(m, nomineeId)) === 'active';
      const t = appeal.nominateAdHocPanelist({ by: me, nomineeId, check: { recusal, mandates, activeMember }, now: at });
      const seated = t.events.some((e) => e.type === 'discipline.appeal.panel_seated');
      const appointed = t.next.toSnapshot().adHoc?.appointees.includes(nomineeId) ?? false;
      await this.appeals.update(m, t.next);
      await this.record(m, actor, caseId, 'appeal.ad-hoc-nomination', {
        appealId,
        nomineeId,
        appointed,
        conflictsFound: recusal.assessments.filter((a) => !a.eligible).length,
        appealsPanel: seated ? t.next.appealsPanelIds : [],
      }, now);
      const finding = file.finding(appeal.findingId);
      if (seated && finding) {
        await this.notifier.notifyPeople(m, [...file.complainantIds(), finding.respondentId, ...t.next.appealsPanelIds].filter((id) => id !== me));
      }
      return this.view(t.next, draw, null);
    });
  }

  async list(actor: DisciplineActor, key: string): Promise<AppealView[]> {
    return this.db.transaction(async (m) => {
      const file = await this.gate.file(m, key, { actor });
      const caseId = file.caseId;
      const role = file.requireRole(actor, ['complainant', 'respondent', 'panelist', 'appeals_panelist', 'former_panelist'], () =>
        new DomainError('forbidden', 'discipline.appeal.not_visible', 'Appeals are shown to the parties and to the panels of the case.'),
      );
      await this.record(m, actor, caseId, 'case.content-read', { what: 'appeals', count: file.appeals.length }, this.clock.now());
      const out: AppealView[] = [];
      for (const a of file.appeals) {
        const remand = a.decision?.outcome === 'remand' ? file.findings.find((f) => f.toSnapshot().remandOf === a.findingId) : undefined;
        out.push(this.view(a, await this.appeals.drawOf(m, a.appealId), remand?.findingId ?? null, role, actor.memberId));
      }
      return out;
    });
  }

  /** Remand: a new panel of the commission, drawn without anyone who sat on this case's panels or on the appeals panel. */
  private async remand(m: Tx, file: CaseFile, setAside: Finding, appeal: Appeal, now: Date): Promise<string> {
    const at = now.toISOString();
    const exclusions = [...new Set([...appeal.remandExclusions(), ...this.earlierPanels(file, setAside), ...file.c.removedPanelists()])];
    const draw = await this.drawing.draw(m, { c: file.c, purpose: 'remand', exclude: exclusions, now: at });
    if (draw.record.shortfall > 0) {
      throw new DomainError(
        'unprocessable',
        'discipline.appeal.remand_panel_shortfall',
        'Not enough commissioners without a conflict and without a seat on an earlier panel of this case are available for a new panel. Decide the remand again once alternates are elected; until then the appeal stays undecided and the finding is not final.',
        { shortfall: draw.record.shortfall },
      );
    }
    const next = Finding.open({
      findingId: randomUUID(),
      caseId: file.caseId,
      respondentId: setAside.respondentId,
      complainantIds: setAside.complainantIds,
      panelistIds: draw.record.drawn.map((d) => d.memberId),
      excludedPanelistIds: exclusions,
      remandOf: setAside.findingId,
      appealWindowDays: this.settings.appealWindowDays,
      now: at,
    });
    await this.findings.insert(m, next);
    await this.appeals.recordRemandPanel(m, next.findingId, appeal.appealId, draw, at);
    await this.notifier.notifyPeople(m, next.panelistIds);
    return next.findingId;
  }

  /** Everyone who sat on a panel of this case so far (the first panel, earlier remand panels). */
  private earlierPanels(file: CaseFile, finding: Finding): string[] {
    return [...new Set([...finding.panelistIds, ...finding.excludedPanelistIds, ...file.c.seatedPanel, ...file.findings.flatMap((f) => f.panelistIds)])];
  }

  /** The appeal as this person may see it: the individual votes only to the members of its own appeals panel. */
  private view(a: Appeal, draw: RecordedPanelDraw | null, remandFindingId: string | null, role: ProceedingsRole = 'none', memberId: string | null = null): AppealView {
    const s = a.toSnapshot();
    const onThisPanel = role === 'appeals_panelist' && (memberId === null || a.appealsPanelIds.includes(memberId));
    return {
      appealId: s.appealId,
      findingId: s.findingId,
      status: s.status,
      appellants: s.appellants,
      appealsPanelIds: s.appealsPanelIds,
      panelShortfall: draw?.record.shortfall ?? 0,
      adHoc: s.adHoc
        ? { committee: s.adHoc.committee, seatsToFill: s.adHoc.seatsToFill, appointed: s.adHoc.appointees, completedAt: s.adHoc.completedAt }
        : null,
      decision: s.decision ? { ...s.decision, counts: { ...s.decision.counts, notVoted: s.decision.counts.notVoted ?? 0 }, voteCount: appealVoteCountLabel(s.decision.counts) } : null,
      ...(onThisPanel ? { votes: a.votes, outstandingVoters: a.status === 'decided' ? [] : a.outstandingVoters() } : {}),
      remandFindingId,
    };
  }

  private record(m: Tx, actor: DisciplineActor, caseId: string, action: string, data: Record<string, unknown>, now: Date) {
    return this.audit.record(m, { actorId: actor.audit.actorId, actorKind: actor.audit.actorKind, context: 'discipline', action, subjectType: AUDIT_SUBJECT, subjectId: caseId, data }, now);
  }
}
