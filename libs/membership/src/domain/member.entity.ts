import { DomainError, IsoDate, IsoInstant, isIsoDate, isIsoInstant } from '@org/kernel';
import { BranchHistory, BranchPeriod } from './branch-history.value-object';
import { MemberProfile, MemberProfileInput, MemberProfileProps } from './member-profile.value-object';
import {
  IN_BRANCH_STATUSES,
  MemberStatus,
  MembershipActor,
  StatusChangeSource,
  StatusHistoryEntry,
  isAllowedTransition,
  isMemberStatus,
  statusOn,
} from './member-status.value-object';
import { MembershipErrorCode, fieldErrors, invalidInstant } from './membership.errors';
import { Moment, checkMoment } from './moment';
import { RestrictionCheck, assertAssignmentAllowed } from './restriction-check.port';

export interface EmailConsent {
  given: boolean;
  /** When the member gave or withdrew it. */
  at: IsoInstant;
}

/** Plain data for storage and transport. */
export interface MemberSnapshot extends MemberProfileProps {
  id: string;
  memberNumber: string | null;
  status: MemberStatus;
  /** The branch an application (or rejoin application) is addressed to; null unless `applicant`. */
  applicationBranchId: string | null;
  emailConsent: EmailConsent | null;
  statusHistory: StatusHistoryEntry[];
  branchHistory: BranchPeriod[];
}

export type MemberEvent =
  | { type: 'member.status_changed'; memberId: string; entry: StatusHistoryEntry }
  | { type: 'member.branch_changed'; memberId: string; fromBranchId: string | null; toBranchId: string | null; on: IsoDate }
  | { type: 'member.profile_changed'; memberId: string; fields: string[]; at: IsoInstant }
  | { type: 'member.email_consent_changed'; memberId: string; given: boolean; at: IsoInstant };

/** What every command returns: the new state and what happened. The old object is unchanged. */
export interface MemberChange {
  member: Member;
  events: MemberEvent[];
}

const SYSTEM = 'system';
const MAX_REASON = 2000;

function actorLabel(actor: MembershipActor): string {
  return actor.kind === 'standing-job' || actor.kind === 'sanction' ? SYSTEM : actor.actorId;
}

function sourceOf(actor: MembershipActor): StatusChangeSource {
  switch (actor.kind) {
    case 'member':
      return 'member';
    case 'secretary':
    case 'membership-secretary':
      return 'secretary';
    case 'standing-job':
      return 'standing-job';
    case 'sanction':
      return 'sanction';
  }
}

function cleanReason(reason: string | null | undefined): string | null {
  if (reason === null || reason === undefined) return null;
  const t = reason.trim();
  if (t.length > MAX_REASON) {
    throw new DomainError('invalid', MembershipErrorCode.reasonRequired, `The reason must be at most ${MAX_REASON} characters; shorten it.`, { field: 'reason' });
  }
  return t === '' ? null : t;
}

function checkActorId(actor: MembershipActor): void {
  if ((actor.kind === 'member' || actor.kind === 'secretary' || actor.kind === 'membership-secretary') && !actor.actorId) {
    throw new DomainError('invalid', MembershipErrorCode.actorNotAllowed, 'The acting person must be identified.');
  }
  if (actor.kind === 'sanction' && !actor.sanctionRef) {
    throw new DomainError('invalid', MembershipErrorCode.actorNotAllowed, 'A sanction must carry its reference.');
  }
}

/**
 * The member aggregate: status with its full history, branch history, contact details and e-mail
 * consent. Immutable: every command returns `{ member, events }`.
 *
 * Status rules (who may do what is in each method):
 *   apply → applicant; admit (branch secretary) → active; decline (secretary, reason required);
 *   lapse / reinstate (standing job) active ⇄ lapsed; suspend / expel / liftSanction only from a
 *   disciplinary sanction; resign (the member); rejoin from resigned / declined / expelled as a
 *   new application — from expelled, or after resigning while suspended, only with a readmission
 *   decision.
 */
export class Member {
  private constructor(
    readonly id: string,
    readonly memberNumber: string | null,
    readonly profile: MemberProfile,
    readonly status: MemberStatus,
    readonly applicationBranchId: string | null,
    readonly emailConsent: EmailConsent | null,
    readonly statusHistory: readonly StatusHistoryEntry[],
    readonly branchHistory: BranchHistory,
  ) {}

  /** A person applies to join through a branch. */
  static apply(input: {
    id: string;
    memberNumber?: string | null;
    profile: MemberProfileInput;
    branchId: string;
    emailConsent?: boolean;
    actor: MembershipActor;
    moment: Moment;
    reason?: string | null;
  }): MemberChange {
    checkMoment(input.moment);
    checkId(input.id);
    checkActorId(input.actor);
    if (input.actor.kind !== 'member' && input.actor.kind !== 'secretary' && input.actor.kind !== 'membership-secretary') {
      throw notAllowed('An application is made by the person applying or entered by a secretary.');
    }
    if (input.actor.kind === 'secretary' && input.actor.branchId !== input.branchId) {
      throw notAllowed('A branch secretary can enter applications only for their own branch.');
    }
    if (!input.branchId) throw new DomainError('invalid', MembershipErrorCode.invalidBranch, 'Choose the branch the application is for.', { field: 'branchId' });
    const profile = MemberProfile.create(input.profile);
    const entry = makeEntry(null, 'applicant', input.actor, input.moment, cleanReason(input.reason), null, 'application');
    const consent = input.emailConsent === undefined ? null : { given: input.emailConsent, at: input.moment.at };
    const member = new Member(input.id, input.memberNumber ?? null, profile, 'applicant', input.branchId, consent, [entry], BranchHistory.empty());
    return { member, events: [{ type: 'member.status_changed', memberId: member.id, entry }] };
  }

  /**
   * An application made online by the person applying: the same as `apply`, and an e-mail address
   * is required — the application reaches the branch secretary only once the applicant has
   * confirmed that the address is theirs.
   */
  static applyOnline(input: Omit<Parameters<typeof Member.apply>[0], 'actor'>): MemberChange {
    const change = Member.apply({ ...input, actor: { kind: 'member', actorId: input.id } });
    if (!change.member.profile.email) {
      throw fieldErrors(MembershipErrorCode.invalidMemberProfile, 'Some details are not valid', [
        { field: 'email', message: 'an e-mail address is needed to apply online: we send a link to it to confirm the application' },
      ]);
    }
    return change;
  }

  /**
   * A record brought in from an existing register (CSV import). Allowed statuses: active, lapsed,
   * applicant. Suspension and expulsion come only from the Control Commission, never from an
   * import. An active/lapsed member is placed in the branch from `joinedOn` (restriction-checked);
   * a lapsed one is recorded as admitted on `joinedOn` and lapsed on the import date.
   */
  static importRecord(input: {
    id: string;
    memberNumber?: string | null;
    profile: MemberProfileInput;
    branchId: string;
    joinedOn: IsoDate;
    status: 'active' | 'lapsed' | 'applicant';
    emailConsent?: boolean;
    actor: MembershipActor;
    moment: Moment;
    restrictions: RestrictionCheck;
    /** Earlier branch periods `[from, to)` (kept for the recusal window, S3); the current one starts at the last `to`. */
    pastBranchPeriods?: readonly { branchId: string; from: IsoDate; to: IsoDate }[];
  }): MemberChange {
    checkMoment(input.moment);
    checkId(input.id);
    checkActorId(input.actor);
    if (input.actor.kind !== 'secretary' && input.actor.kind !== 'membership-secretary') throw notAllowed('Only a secretary can import members.');
    if (input.actor.kind === 'secretary' && input.actor.branchId !== input.branchId) throw branchNotFound();
    if (!isIsoDate(input.joinedOn)) throw new DomainError('invalid', MembershipErrorCode.invalidDate, 'joined_on must be a date written YYYY-MM-DD.', { field: 'joinedOn' });
    if (input.joinedOn > input.moment.on) {
      throw new DomainError('invalid', MembershipErrorCode.invalidDate, `joined_on ${input.joinedOn} is in the future; use the date the person actually joined.`, { field: 'joinedOn' });
    }
    if (input.status !== 'active' && input.status !== 'lapsed' && input.status !== 'applicant') {
      throw new DomainError(
        'invalid',
        MembershipErrorCode.invalidStatusTransition,
        'An import can create applicants, active or lapsed members only. Suspension and expulsion are decided by the Control Commission.',
        { field: 'status' },
      );
    }
    const profile = MemberProfile.create(input.profile);
    const consent = input.emailConsent === undefined ? null : { given: input.emailConsent, at: input.moment.at };
    const when = { on: input.joinedOn, at: input.moment.at };
    if (input.status === 'applicant') {
      const entry = makeEntry(null, 'applicant', input.actor, when, 'Imported', null, 'import');
      const member = new Member(input.id, input.memberNumber ?? null, profile, 'applicant', input.branchId, consent, [entry], BranchHistory.empty());
      return { member, events: [{ type: 'member.status_changed', memberId: member.id, entry }] };
    }
    const past = BranchHistory.fromPeriods(input.pastBranchPeriods ?? []);
    const firstPast = past.periods[0];
    const lastPast = past.periods[past.periods.length - 1];
    if (firstPast && firstPast.from < input.joinedOn) {
      throw new DomainError('invalid', MembershipErrorCode.invalidDate, `An earlier branch period begins on ${firstPast.from}, before joined_on ${input.joinedOn}.`, { field: 'pastBranchPeriods' });
    }
    const since = lastPast?.to && lastPast.to > input.joinedOn ? lastPast.to : input.joinedOn;
    assertAssignmentAllowed(input.restrictions, [input.id], input.branchId, since);
    const entries = [makeEntry(null, 'active', input.actor, when, 'Imported', null, 'import')];
    if (input.status === 'lapsed') entries.push(makeEntry('active', 'lapsed', input.actor, input.moment, 'Imported as lapsed', null, 'import'));
    const history = past.join(input.branchId, since);
    const member = new Member(input.id, input.memberNumber ?? null, profile, input.status, null, consent, entries, history);
    return {
      member,
      events: [
        ...entries.map((entry) => ({ type: 'member.status_changed' as const, memberId: member.id, entry })),
        { type: 'member.branch_changed', memberId: member.id, fromBranchId: null, toBranchId: input.branchId, on: since },
      ],
    };
  }

  /** Rebuilds a member from stored data, refusing data that breaks the aggregate's invariants. */
  static fromSnapshot(s: MemberSnapshot): Member {
    const bad = (message: string) => new DomainError('invalid', MembershipErrorCode.invalidMemberSnapshot, `Member ${s?.id}: ${message}`);
    checkId(s.id);
    if (!isMemberStatus(s.status)) throw bad(`unknown status ${JSON.stringify(s.status)}`);
    if (!Array.isArray(s.statusHistory) || s.statusHistory.length === 0) throw bad('the status history is empty');
    let prev: StatusHistoryEntry | null = null;
    for (const e of s.statusHistory) {
      if (!isMemberStatus(e.to) || (e.from !== null && !isMemberStatus(e.from))) throw bad('the status history has an unknown status');
      if (e.from !== (prev ? prev.to : null)) throw bad(`the status history is broken: ${prev?.to ?? 'nothing'} is followed by a change from ${e.from}`);
      if (!isAllowedTransition(e.from, e.to)) throw bad(`the status history contains a change ${e.from} → ${e.to}, which is not allowed`);
      if (!isIsoDate(e.on) || !isIsoInstant(e.at)) throw bad('the status history has an invalid date');
      if (prev && e.on < prev.on) throw bad('the status history is not in date order');
      prev = e;
    }
    if (prev!.to !== s.status) throw bad(`the status is ${s.status} but the history ends in ${prev!.to}`);
    const history = BranchHistory.fromPeriods(s.branchHistory ?? []);
    const inBranch = IN_BRANCH_STATUSES.includes(s.status);
    if (inBranch !== (history.current() !== null)) {
      throw bad(inBranch ? `a ${s.status} member must be in a branch` : `a ${s.status} person cannot have an open branch period`);
    }
    if ((s.status === 'applicant') !== (s.applicationBranchId !== null && s.applicationBranchId !== undefined)) {
      throw bad('an applicant, and only an applicant, has an application branch');
    }
    if (s.emailConsent && !isIsoInstant(s.emailConsent.at)) throw invalidInstant('emailConsent.at', s.emailConsent.at);
    const profile = MemberProfile.create(s);
    return new Member(
      s.id,
      s.memberNumber ?? null,
      profile,
      s.status,
      s.applicationBranchId ?? null,
      s.emailConsent ? { given: !!s.emailConsent.given, at: s.emailConsent.at } : null,
      s.statusHistory.map((e) => ({ ...e })),
      history,
    );
  }

  // ---- status commands -------------------------------------------------------------------

  /** A secretary of the branch applied to admits the applicant; they join that branch on `moment.on`. */
  admit(input: { actor: MembershipActor; moment: Moment; restrictions: RestrictionCheck; reason?: string | null }): MemberChange {
    checkMoment(input.moment);
    this.requireSecretaryFor(input.actor, 'admit applicants');
    this.requireStatus(['applicant'], 'admitted');
    const branchId = this.applicationBranchId!;
    assertAssignmentAllowed(input.restrictions, [this.id], branchId, input.moment.on);
    return this.change('active', input.actor, input.moment, cleanReason(input.reason), null, {
      branchHistory: this.branchHistory.join(branchId, input.moment.on),
      applicationBranchId: null,
    });
  }

  /** A secretary declines an application; the reason is mandatory. */
  decline(input: { actor: MembershipActor; moment: Moment; reason: string }): MemberChange {
    this.requireSecretaryFor(input.actor, 'decline applications');
    this.requireStatus(['applicant'], 'declined');
    const reason = cleanReason(input.reason);
    if (!reason) {
      throw new DomainError('invalid', MembershipErrorCode.reasonRequired, 'Give a reason for declining the application; the applicant will see it.', {
        field: 'reason',
      });
    }
    return this.change('declined', input.actor, input.moment, reason, null, { applicationBranchId: null });
  }

  /** The standing job: an active member out of good standing becomes lapsed. */
  lapse(input: { actor: MembershipActor; moment: Moment; reason?: string }): MemberChange {
    if (input.actor.kind !== 'standing-job') throw notAllowed('Members lapse only through the scheduled standing check.');
    this.requireStatus(['active'], 'lapsed');
    return this.change('lapsed', input.actor, input.moment, input.reason ?? 'Out of good standing: dues in arrears beyond the grace period', null, {});
  }

  /** The standing job: a lapsed member back in good standing becomes active again. */
  reinstate(input: { actor: MembershipActor; moment: Moment; reason?: string }): MemberChange {
    if (input.actor.kind !== 'standing-job') throw notAllowed('Lapsed members are reinstated only through the scheduled standing check.');
    this.requireStatus(['lapsed'], 'reinstated');
    return this.change('active', input.actor, input.moment, input.reason ?? 'Back in good standing', null, {});
  }

  /** A disciplinary suspension takes effect (S9). The member stays in their branch. */
  suspend(input: { actor: MembershipActor; moment: Moment }): MemberChange {
    const ref = this.requireSanction(input.actor, 'suspend a member');
    this.requireStatus(['active', 'lapsed'], 'suspended');
    return this.change('suspended', input.actor, input.moment, null, ref, {});
  }

  /** A disciplinary expulsion takes effect (S9): membership ends and the branch period closes. */
  expel(input: { actor: MembershipActor; moment: Moment }): MemberChange {
    const ref = this.requireSanction(input.actor, 'expel a member');
    this.requireStatus(['active', 'lapsed', 'suspended'], 'expelled');
    return this.change('expelled', input.actor, input.moment, null, ref, { branchHistory: this.branchHistory.leave(input.moment.on) });
  }

  /**
   * A suspension ends, or an expulsion is overturned on appeal: back to `active` (the standing job
   * then decides whether they are lapsed). An overturned expulsion puts the member back in
   * `branchId` (default: their last branch), restriction-checked.
   */
  liftSanction(input: { actor: MembershipActor; moment: Moment; restrictions: RestrictionCheck; branchId?: string }): MemberChange {
    checkMoment(input.moment);
    const ref = this.requireSanction(input.actor, 'end a suspension or expulsion');
    this.requireStatus(['suspended', 'expelled'], 'restored by lifting a sanction');
    if (this.status === 'suspended') return this.change('active', input.actor, input.moment, null, ref, {});
    const periods = this.branchHistory.periods;
    const branchId = input.branchId ?? periods[periods.length - 1]?.branchId;
    if (!branchId) throw new DomainError('invalid', MembershipErrorCode.invalidBranch, 'Choose the branch the member returns to.', { field: 'branchId' });
    assertAssignmentAllowed(input.restrictions, [this.id], branchId, input.moment.on);
    return this.change('active', input.actor, input.moment, null, ref, { branchHistory: this.branchHistory.join(branchId, input.moment.on) });
  }

  /** The member resigns (an applicant withdraws). Their branch period closes on `moment.on`. */
  resign(input: { actor: MembershipActor; moment: Moment; reason?: string | null }): MemberChange {
    if (input.actor.kind !== 'member') throw notAllowed('Only the member themself can resign.');
    if (input.actor.actorId !== this.id) throw memberNotFound();
    this.requireStatus(['applicant', 'active', 'lapsed', 'suspended'], 'resigned');
    const branchHistory = this.branchHistory.current() ? this.branchHistory.leave(input.moment.on) : this.branchHistory;
    return this.change('resigned', input.actor, input.moment, cleanReason(input.reason), null, { branchHistory, applicationBranchId: null });
  }

  /**
   * A former member (resigned, declined, or expelled) applies again: a new application to
   * `branchId`, keeping the whole history. Expelled — or resigned while suspended — needs a Control
   * Commission readmission decision (`readmissionGranted`), so nobody pays or resigns their way
   * around a sanction (S9).
   */
  rejoin(input: { actor: MembershipActor; moment: Moment; branchId: string; readmissionGranted?: boolean; readmissionRef?: string | null }): MemberChange {
    if (input.actor.kind !== 'member' && input.actor.kind !== 'secretary' && input.actor.kind !== 'membership-secretary') {
      throw notAllowed('A rejoin application is made by the person or entered by a secretary.');
    }
    if (input.actor.kind === 'secretary' && input.actor.branchId !== input.branchId) {
      throw notAllowed('A branch secretary can enter applications only for their own branch.');
    }
    if (!input.branchId) throw new DomainError('invalid', MembershipErrorCode.invalidBranch, 'Choose the branch the application is for.', { field: 'branchId' });
    this.requireStatus(['resigned', 'declined', 'expelled'], 'a new applicant');
    const last = this.statusHistory[this.statusHistory.length - 1];
    const needsReadmission = this.status === 'expelled' || (this.status === 'resigned' && last.from === 'suspended');
    if (needsReadmission && input.readmissionGranted !== true) {
      throw new DomainError(
        'unprocessable',
        MembershipErrorCode.readmissionRequired,
        this.status === 'expelled'
          ? 'An expelled member can rejoin only after a Control Commission readmission decision. Ask the Control Commission to consider readmission.'
          : 'This person resigned while suspended, so they can rejoin only after a Control Commission readmission decision. Ask the Control Commission to consider readmission.',
      );
    }
    const ref = needsReadmission ? (input.readmissionRef ?? null) : null;
    return this.change('applicant', input.actor, input.moment, needsReadmission ? 'Readmission granted' : null, ref, {
      applicationBranchId: input.branchId,
      sourceOverride: 'application',
    });
  }

  // ---- branch commands --------------------------------------------------------------------

  /**
   * Moves the member to another branch on `moment.on` (an accepted or protected transfer, or a
   * branch merge), refused with `blocked_by_restriction` when a separation applies.
   */
  transferTo(input: { toBranchId: string; on: IsoDate; restrictions: RestrictionCheck }): MemberChange {
    if (!IN_BRANCH_STATUSES.includes(this.status)) {
      throw new DomainError('conflict', MembershipErrorCode.invalidStatusTransition, `A ${this.status} person is not in a branch, so they cannot be transferred.`);
    }
    const from = this.branchHistory.currentBranchId;
    const branchHistory = this.branchHistory.transfer(input.toBranchId, input.on);
    assertAssignmentAllowed(input.restrictions, [this.id], input.toBranchId, input.on);
    const member = this.with({ branchHistory });
    return { member, events: [{ type: 'member.branch_changed', memberId: this.id, fromBranchId: from, toBranchId: input.toBranchId, on: input.on }] };
  }

  // ---- own record ---------------------------------------------------------------------------

  /** The member (or a secretary of their branch) edits contact details. Events name fields, never values. */
  updateProfile(input: { actor: MembershipActor; at: IsoInstant; changes: Partial<MemberProfileInput> }): MemberChange {
    this.requireSelfOrSecretary(input.actor);
    if (!isIsoInstant(input.at)) throw invalidInstant('at', input.at);
    const allowed = ['firstName', 'lastName', 'email', 'phone', 'address'];
    const unknown = Object.keys(input.changes).filter((k) => !allowed.includes(k));
    if (unknown.length > 0) {
      throw new DomainError('invalid', MembershipErrorCode.invalidMemberProfile, `These fields cannot be edited here: ${unknown.join(', ')}.`, unknown.map((field) => ({ field, message: 'cannot be edited' })));
    }
    const profile = this.profile.with(input.changes);
    const fields = this.profile.changedFields(profile);
    if (fields.length === 0) return { member: this, events: [] };
    return { member: this.with({ profile }), events: [{ type: 'member.profile_changed', memberId: this.id, fields, at: input.at }] };
  }

  /** Only the member gives or withdraws consent to e-mail; the instant is recorded. */
  setEmailConsent(input: { actor: MembershipActor; given: boolean; at: IsoInstant }): MemberChange {
    if (input.actor.kind !== 'member') throw notAllowed('Only the member can give or withdraw consent to e-mail.');
    if (input.actor.actorId !== this.id) throw memberNotFound();
    if (!isIsoInstant(input.at)) throw invalidInstant('at', input.at);
    if (typeof input.given !== 'boolean') throw new DomainError('invalid', MembershipErrorCode.invalidMemberProfile, 'emailConsent must be true or false.', { field: 'emailConsent' });
    const emailConsent = { given: input.given, at: input.at };
    return { member: this.with({ emailConsent }), events: [{ type: 'member.email_consent_changed', memberId: this.id, given: input.given, at: input.at }] };
  }

  // ---- queries ------------------------------------------------------------------------------

  statusOn(date: IsoDate): MemberStatus | null {
    return statusOn(this.statusHistory, date);
  }

  branchAt(date: IsoDate): string | null {
    return this.branchHistory.branchAt(date);
  }

  get currentBranchId(): string | null {
    return this.branchHistory.currentBranchId;
  }

  toSnapshot(): MemberSnapshot {
    return {
      id: this.id,
      memberNumber: this.memberNumber,
      ...this.profile.toSnapshot(),
      status: this.status,
      applicationBranchId: this.applicationBranchId,
      emailConsent: this.emailConsent ? { ...this.emailConsent } : null,
      statusHistory: this.statusHistory.map((e) => ({ ...e })),
      branchHistory: this.branchHistory.toSnapshot(),
    };
  }

  // ---- internals ----------------------------------------------------------------------------

  private with(
    changes: Partial<{
      profile: MemberProfile;
      status: MemberStatus;
      applicationBranchId: string | null;
      emailConsent: EmailConsent | null;
      statusHistory: readonly StatusHistoryEntry[];
      branchHistory: BranchHistory;
    }>,
  ): Member {
    return new Member(
      this.id,
      this.memberNumber,
      changes.profile ?? this.profile,
      changes.status ?? this.status,
      changes.applicationBranchId !== undefined ? changes.applicationBranchId : this.applicationBranchId,
      changes.emailConsent !== undefined ? changes.emailConsent : this.emailConsent,
      changes.statusHistory ?? this.statusHistory,
      changes.branchHistory ?? this.branchHistory,
    );
  }

  private change(
    to: MemberStatus,
    actor: MembershipActor,
    moment: Moment,
    reason: string | null,
    ref: string | null,
    extra: { branchHistory?: BranchHistory; applicationBranchId?: string | null; sourceOverride?: StatusChangeSource },
  ): MemberChange {
    checkMoment(moment);
    checkActorId(actor);
    const last = this.statusHistory[this.statusHistory.length - 1];
    if (moment.on < last.on) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.statusChangeOutOfOrder,
        `This change is dated ${moment.on}, before the member's last status change on ${last.on}. Status changes cannot be back-dated before earlier ones.`,
        { lastChangeOn: last.on },
      );
    }
    const entry = makeEntry(this.status, to, actor, moment, reason, ref, extra.sourceOverride);
    const member = this.with({
      status: to,
      statusHistory: [...this.statusHistory, entry],
      branchHistory: extra.branchHistory,
      applicationBranchId: extra.applicationBranchId,
    });
    const events: MemberEvent[] = [{ type: 'member.status_changed', memberId: this.id, entry }];
    const before = this.branchHistory.currentBranchId;
    const after = member.branchHistory.currentBranchId;
    if (before !== after) events.push({ type: 'member.branch_changed', memberId: this.id, fromBranchId: before, toBranchId: after, on: moment.on });
    return { member, events };
  }

  private requireStatus(allowed: MemberStatus[], becoming: string): void {
    if (!allowed.includes(this.status)) {
      throw new DomainError(
        'conflict',
        MembershipErrorCode.invalidStatusTransition,
        `A member who is ${this.status} cannot be ${becoming}; only a member who is ${allowed.join(' or ')} can.`,
        { status: this.status },
      );
    }
  }

  private requireSecretaryFor(actor: MembershipActor, what: string): void {
    if (actor.kind === 'membership-secretary') return;
    if (actor.kind !== 'secretary') throw notAllowed(`Only a branch secretary can ${what}.`);
    // A secretary of another branch must not learn that this person exists.
    const branchId = this.applicationBranchId ?? this.branchHistory.currentBranchId;
    if (branchId === null || actor.branchId !== branchId) throw memberNotFound();
  }

  private requireSelfOrSecretary(actor: MembershipActor): void {
    if (actor.kind === 'member') {
      if (actor.actorId !== this.id) throw memberNotFound();
      return;
    }
    if (actor.kind === 'membership-secretary') return;
    if (actor.kind === 'secretary') {
      const branchId = this.branchHistory.currentBranchId ?? this.applicationBranchId;
      if (actor.branchId !== branchId) throw memberNotFound();
      return;
    }
    throw notAllowed('Only the member or their branch secretary can edit these details.');
  }

  private requireSanction(actor: MembershipActor, what: string): string {
    if (actor.kind !== 'sanction' || !actor.sanctionRef) {
      throw notAllowed(`Only a Control Commission sanction can ${what}; no office can do it directly.`);
    }
    return actor.sanctionRef;
  }
}

function makeEntry(
  from: MemberStatus | null,
  to: MemberStatus,
  actor: MembershipActor,
  moment: Moment,
  reason: string | null,
  ref: string | null,
  sourceOverride?: StatusChangeSource,
): StatusHistoryEntry {
  return { from, to, on: moment.on, at: moment.at, by: actorLabel(actor), source: sourceOverride ?? sourceOf(actor), reason, ref };
}

function checkId(id: unknown): void {
  if (typeof id !== 'string' || id.trim() === '') throw new DomainError('invalid', MembershipErrorCode.invalidMemberSnapshot, 'A member needs an id.');
}

function notAllowed(message: string): DomainError {
  return new DomainError('forbidden', MembershipErrorCode.actorNotAllowed, message);
}

function memberNotFound(): DomainError {
  return new DomainError('not_found', MembershipErrorCode.memberNotFound, 'No such member.');
}

function branchNotFound(): DomainError {
  return new DomainError('not_found', MembershipErrorCode.invalidBranch, 'No such branch.');
}
