import { INDEPENDENT_BODIES, type BodyKind } from '@org/identity';
import type { CandidacySnapshot, ElectionSnapshot, ElectorateSource, ElectionScope } from '../domain';

/** TypeORM returns `[rows, count]` for UPDATE/DELETE … RETURNING and plain rows otherwise. */
export { rowsOf } from '@org/platform';

export const iso = (v: Date | string | null | undefined): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());

const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export const ELECTION_COLUMNS = `e.id, e.title, e.purpose, e.scope_kind, e.branch_id, e.congress_id, e.body_id, e.body_kind, e.seats, e.method, e.motion_text,
  e.motion_threshold, e.recall_mandate_id, e.status, e.electorate_kind, e.roll_id, e.electorate_as_of, e.electorate_size, e.term_starts_on, e.term_ends_on,
  e.nominations_opened_at, e.voting_opened_at, e.voting_closes_at, e.closed_at, e.certified_at, e.published_at, e.acclaimed,
  e.tie_break_seed, e.ballot_order_seed, e.ballots_hash, e.created_by, e.created_at`;

export function toElection(r: any): ElectionSnapshot {
  const scope: ElectionScope =
    r.scope_kind === 'branch' ? { kind: 'branch', branchId: r.branch_id } : r.scope_kind === 'congress' ? { kind: 'congress', congressId: r.congress_id } : { kind: 'organization' };
  const electorate: ElectorateSource =
    r.electorate_kind === 'roll' ? { kind: 'roll', rollId: r.roll_id } : r.electorate_kind === 'freeze' ? { kind: 'freeze', asOf: r.electorate_as_of } : { kind: 'delegates' };
  return {
    id: r.id,
    title: r.title,
    purpose: r.purpose,
    scope,
    congressId: r.congress_id,
    bodyId: r.body_id,
    bodyKind: r.body_kind,
    independentBody: r.body_kind !== null && INDEPENDENT_BODIES.includes(r.body_kind as BodyKind),
    seats: Number(r.seats),
    method: r.method,
    motionText: r.motion_text,
    motionThreshold: r.motion_threshold,
    recallMandateId: r.recall_mandate_id ?? null,
    status: r.status,
    electorate,
    electorateSize: Number(r.electorate_size),
    termStartsOn: r.term_starts_on,
    termEndsOn: r.term_ends_on,
    nominationsOpenedAt: iso(r.nominations_opened_at),
    votingOpenedAt: iso(r.voting_opened_at),
    votingClosesAt: iso(r.voting_closes_at),
    closedAt: iso(r.closed_at),
    certifiedAt: iso(r.certified_at),
    publishedAt: iso(r.published_at),
    acclaimed: Boolean(r.acclaimed),
    tieBreakSeed: r.tie_break_seed,
    ballotOrderSeed: r.ballot_order_seed ?? null,
    ballotsHash: r.ballots_hash,
    createdBy: r.created_by,
    createdAt: iso(r.created_at) as string,
  };
}

export function toCandidacy(r: any): CandidacySnapshot {
  return {
    id: r.id,
    electionId: r.election_id,
    memberId: r.member_id,
    displayName: r.display_name,
    status: r.status,
    nominatedBy: r.nominated_by_kind === 'body' ? { kind: 'body', bodyId: r.nominating_body_id } : { kind: 'self' },
    slateId: r.slate_id,
    ballotNumber: r.ballot_number === null ? null : Number(r.ballot_number),
    statement: r.statement,
    nominators: json<string[]>(r.nominators ?? '[]'),
    createdAt: iso(r.created_at) as string,
    ...(r.withdrawn_after_opening ? { withdrawnAfterOpening: true } : {}),
  };
}
