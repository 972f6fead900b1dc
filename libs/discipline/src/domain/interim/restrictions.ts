import { DomainError } from '@org/kernel';
import { Timestamp, normalizeTimestamp, toMillis } from '../case/calendar';
import { MemberId } from '../case/identifiers';
import { MeasureKind } from './interim-measures';

/**
 * The restrictions interface (S5, S13): what other contexts — membership, identity, elections —
 * consult. It says *what* is restricted and *until when*, never why and never which case: the
 * types below have no field that could carry a case id, a reason or a decision, and
 * `restrictionsFor` copies only the fields it names.
 */
export type RestrictionKind = MeasureKind;

export interface Restriction {
  readonly kind: RestrictionKind;
  readonly until: Timestamp;
  /** For 'separation': the members this one must not be placed with. */
  readonly separatedFrom?: readonly MemberId[];
}

export interface MemberRestrictions {
  readonly memberId: MemberId;
  readonly restrictions: readonly Restriction[];
}

/** The minimum a restriction source carries (interim measures; a final finding's sanctions may add more). */
export interface RestrictionSource {
  readonly memberId: MemberId;
  readonly kind: RestrictionKind;
  readonly from: Timestamp;
  readonly until: Timestamp;
  readonly separatedFrom?: readonly MemberId[];
}

/** What another context tells the person it refuses, and nothing more. */
export const CONFIDENTIAL_RESTRICTION_MESSAGE = 'Blocked by a confidential restriction.';

export function confidentialRestrictionError(): DomainError {
  return new DomainError('unprocessable', 'blocked_by_confidential_restriction', CONFIDENTIAL_RESTRICTION_MESSAGE);
}

/**
 * What restricts `memberId` at `at`. Separations are symmetric: the member a respondent is
 * separated from sees the same separation (so checking only the member being moved is enough).
 * The same kind from several sources is merged to the latest end; separations are grouped by end.
 */
export function restrictionsFor(memberId: MemberId, at: Timestamp, sources: readonly RestrictionSource[]): MemberRestrictions {
  const t = toMillis(at);
  const latest = new Map<RestrictionKind, number>();
  const separatedUntil = new Map<MemberId, number>();
  for (const s of sources) {
    if (toMillis(s.from) > t) continue;
    const until = toMillis(s.until);
    if (until <= t) continue;
    if (s.kind === 'separation') {
      const counterparts =
        s.memberId === memberId ? s.separatedFrom ?? [] : (s.separatedFrom ?? []).includes(memberId) ? [s.memberId] : [];
      for (const other of counterparts) {
        if (other === memberId) continue;
        separatedUntil.set(other, Math.max(separatedUntil.get(other) ?? 0, until));
      }
    } else if (s.memberId === memberId) {
      latest.set(s.kind, Math.max(latest.get(s.kind) ?? 0, until));
    }
  }
  const restrictions: Restriction[] = [];
  for (const [kind, until] of latest) {
    restrictions.push({ kind, until: new Date(until).toISOString() });
  }
  const byEnd = new Map<number, MemberId[]>();
  for (const [other, until] of separatedUntil) {
    const list = byEnd.get(until);
    if (list) list.push(other);
    else byEnd.set(until, [other]);
  }
  for (const [until, others] of byEnd) {
    restrictions.push({ kind: 'separation', until: new Date(until).toISOString(), separatedFrom: others.sort() });
  }
  restrictions.sort((a, b) => (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : a.until < b.until ? -1 : a.until > b.until ? 1 : 0));
  return { memberId, restrictions };
}

/** Restrictions for several members at once (e.g. everyone concerned by a branch assignment). */
export function restrictionsForMembers(
  memberIds: readonly MemberId[],
  at: Timestamp,
  sources: readonly RestrictionSource[],
): MemberRestrictions[] {
  normalizeTimestamp(at);
  return [...new Set(memberIds)].map((m) => restrictionsFor(m, at, sources));
}

const has = (r: MemberRestrictions, kind: RestrictionKind) => r.restrictions.some((x) => x.kind === kind);

/**
 * Would putting these members together (one branch, one meeting) break a separation? Pass the
 * restrictions of the member being placed and of those already there.
 */
export function blocksBranchAssignment(members: readonly MemberRestrictions[]): boolean {
  const present = new Set(members.map((m) => m.memberId));
  return members.some((m) =>
    m.restrictions.some(
      (r) => r.kind === 'separation' && (r.separatedFrom ?? []).some((other) => other !== m.memberId && present.has(other)),
    ),
  );
}

/** Hosting meetings (and being made a meeting's host). */
export const blocksHosting = (r: MemberRestrictions): boolean => has(r, 'no_hosting');
/** Speaking at the organization's events. */
export const blocksSpeaking = (r: MemberRestrictions): boolean => has(r, 'no_speaking');
/** Recruiting (signing up new members). */
export const blocksRecruiting = (r: MemberRestrictions): boolean => has(r, 'no_recruiting');
/** Standing as a candidate in any election. */
export const blocksCandidacy = (r: MemberRestrictions): boolean => has(r, 'no_candidacy');
/** Exercising any office or mandate (identity treats the mandates as suspended). */
export const blocksOffice = (r: MemberRestrictions): boolean => has(r, 'suspension_from_office');
