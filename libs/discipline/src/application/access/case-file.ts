import { caseAccess } from '../../domain/case/case-access.policy';
import type { Case } from '../../domain/case/case.aggregate';
import { caseNotFound } from '../../domain/case/case.errors';
import type { Appeal } from '../../domain/appeal/appeal.entity';
import type { Finding } from '../../domain/finding/finding.entity';
import type { CaseParticipants } from '../../domain/investigation/case-message.entity';
import { DomainError } from '@org/kernel';
import { personIdOfEmail, type DisciplineActor } from '../access/discipline-actor';

/**
 * A person's standing in the proceedings of one case, on top of the domain's `caseAccess`:
 * - `panelist`: sits on the panel now deciding — the case's seated panel, or after a remand the
 *   new panel of the live finding (the members of the first panel are then `former_panelist`);
 * - `appeals_panelist`: sits on the Appeals Committee panel hearing an appeal in this case;
 * - parties and witnesses as `caseAccess` says (respondents and witnesses once informed);
 * - `none` for everyone else, who gets the case's "not found" (S1).
 */
export type ProceedingsRole =
  | 'complainant'
  | 'respondent'
  | 'witness'
  | 'panelist'
  | 'appeals_panelist'
  | 'former_panelist'
  | 'none';

export const PARTY_ROLES: readonly ProceedingsRole[] = ['complainant', 'respondent'];

/** The case with its findings and appeals, as the use cases after triage need them. */
export class CaseFile {
  constructor(
    readonly c: Case,
    readonly findings: readonly Finding[],
    readonly appeals: readonly Appeal[],
  ) {}

  get caseId(): string {
    return this.c.id;
  }

  /** Findings not set aside by a remand. */
  liveFindings(): Finding[] {
    return this.findings.filter((f) => f.status !== 'set_aside');
  }

  finding(findingId: string): Finding | null {
    return this.findings.find((f) => f.findingId === findingId) ?? null;
  }

  /** Person ids of the complainant(s): a member id, or `email:<address>` for a non-member. */
  complainantIds(): string[] {
    const c = this.c.state.complainant;
    return [c.kind === 'non_member' ? personIdOfEmail(c.email) : c.memberId];
  }

  complainantMemberIds(): string[] {
    const c = this.c.state.complainant;
    return c.kind === 'non_member' ? [] : [c.memberId];
  }

  respondentMemberIds(): string[] {
    return this.c.respondentMemberIds();
  }

  witnessMemberIds(): string[] {
    return this.c.state.witnesses.flatMap((w) => (w.kind === 'member' ? [w.memberId] : []));
  }

  /**
   * The panel deciding now: the panelists of the live findings (after a remand, the new panel),
   * or the case's seated panel while no finding is open.
   */
  panelistIds(): string[] {
    const live = this.liveFindings();
    const fromFindings = [...new Set(live.flatMap((f) => f.panelistIds))];
    if (fromFindings.length > 0) {
      // A finding opened by the case's panel keeps the case's panel; a remand replaces it.
      return fromFindings;
    }
    return this.c.seatedPanel;
  }

  /** Everyone who ever sat on a panel of this case, removed after a remand. */
  formerPanelistIds(): string[] {
    const now = new Set(this.panelistIds());
    const all = new Set([...this.c.seatedPanel, ...this.findings.flatMap((f) => f.panelistIds)]);
    return [...all].filter((id) => !now.has(id));
  }

  /** Members of an appeals panel of the case, including those drawn for a panel still being completed ad hoc (S3). */
  appealsPanelistIds(): string[] {
    return [...new Set(this.appeals.flatMap((a) => [...a.appealsPanelIds, ...a.adHocCommittee]))];
  }

  pendingAppeal(): Appeal | null {
    return this.appeals.find((a) => a.status !== 'decided') ?? null;
  }

  /** Who takes part, for the message rules (S7): the panel is the panel deciding now. */
  participants(): CaseParticipants {
    const pending = this.pendingAppeal();
    return {
      complainantIds: this.complainantIds(),
      respondentIds: this.respondentMemberIds(),
      witnessIds: this.witnessMemberIds(),
      panelistIds: [...new Set([...this.panelistIds(), ...(pending ? pending.appealsPanelIds : [])])],
    };
  }

  roleOf(actor: DisciplineActor): ProceedingsRole {
    const conflicted = actor.memberId !== null && (this.c.state.recusal?.conflicted ?? []).includes(actor.memberId);
    const base = caseAccess(this.c, actor.caseActor).role;
    if (base === 'complainant' || base === 'respondent' || base === 'witness') return base;
    const id = actor.memberId;
    if (id === null || conflicted) return 'none';
    if (this.panelistIds().includes(id)) return 'panelist';
    if (this.appealsPanelistIds().includes(id)) return 'appeals_panelist';
    if (this.formerPanelistIds().includes(id)) return 'former_panelist';
    return 'none';
  }

  /** The role, or the case's "not found" for someone with none (S1). */
  requireRole(actor: DisciplineActor, allowed: readonly ProceedingsRole[], refusal: () => DomainError): ProceedingsRole {
    const role = this.roleOf(actor);
    if (role === 'none') throw caseNotFound();
    if (!allowed.includes(role)) throw refusal();
    return role;
  }
}
