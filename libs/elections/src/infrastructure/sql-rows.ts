import { INDEPENDENT_BODIES, type BodyKind } from '@org/identity';
import type { CandidacySnapshot, ElectionSnapshot, ElectorateSource, ElectionScope } from '../domain';

export const iso = (v: Date | string | null | undefined): string | null => (v === null || v === undefined ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());

/** A json/jsonb column: parsed by the driver, or (on a driver that leaves it text) parsed here. */
export const json = <T>(v: unknown): T => (typeof v === 'string' ? JSON.parse(v) : v) as T;

export const ELECTION_COLUMNS = `e.id, e.title, e.purpose, e.scope_kind, e.branch_id, e.congress_id, e.body_id, e.body_kind, e.seats, e.method, e.motion_text,
  e.motion_threshold, e.recall_mandate_id, e.status, e.electorate_kind, e.roll_id, e.electorate_as_of, e.electorate_size, e.term_starts_on, e.term_ends_on,
  e.nominations_opened_at, e.voting_opened_at, e.voting_closes_at, e.closed_at, e.certified_at, e.published_at, e.acclaimed,
  e.tie_break_seed, e.ballot_order_seed, e.ballots_hash, e.created_by, e.created_at`;

/** A row of `elections.elections` as ELECTION_COLUMNS selects it (dates as `YYYY-MM-DD`, timestamps as `Date`). */
export interface ElectionRow {
  id: string;
  title: string;
  purpose: ElectionSnapshot['purpose'];
  scope_kind: ElectionScope['kind'];
  branch_id: string | null;
  congress_id: string | null;
  body_id: string | null;
  body_kind: string | null;
  seats: number;
  method: ElectionSnapshot['method'];
  motion_text: string | null;
  motion_threshold: ElectionSnapshot['motionThreshold'];
  recall_mandate_id: string | null;
  status: ElectionSnapshot['status'];
  electorate_kind: ElectorateSource['kind'];
  roll_id: string | null;
  electorate_as_of: string | null;
  electorate_size: number;
  term_starts_on: string | null;
  term_ends_on: string | null;
  nominations_opened_at: Date | null;
  voting_opened_at: Date | null;
  voting_closes_at: Date | null;
  closed_at: Date | null;
  certified_at: Date | null;
  published_at: Date | null;
  acclaimed: boolean;
  tie_break_seed: string | null;
  ballot_order_seed: string | null;
  ballots_hash: string | null;
  created_by: string | null;
  created_at: Date;
}

/** A row of CANDIDATE_SELECT (`elections.candidates` with its nominators and a late withdrawal). */
export interface CandidacyRow {
  id: string;
  election_id: string;
  member_id: string;
  display_name: string;
  status: CandidacySnapshot['status'];
  nominated_by_kind: 'self' | 'body';
  nominating_body_id: string | null;
  slate_id: string | null;
  ballot_number: number | null;
  statement: string | null;
  created_at: Date;
  /** json_agg of member ids. */
  nominators: string[] | string | null;
  withdrawn_after_opening?: boolean;
}

export function toElection(r: ElectionRow): ElectionSnapshot {
  const scope: ElectionScope =
    r.scope_kind === 'branch' ? { kind: 'branch', branchId: r.branch_id as string } : r.scope_kind === 'congress' ? { kind: 'congress', congressId: r.congress_id as string } : { kind: 'organization' };
  const electorate: ElectorateSource =
    r.electorate_kind === 'roll' ? { kind: 'roll', rollId: r.roll_id as string } : r.electorate_kind === 'freeze' ? { kind: 'freeze', asOf: r.electorate_as_of as string } : { kind: 'delegates' };
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

export function toCandidacy(r: CandidacyRow): CandidacySnapshot {
  return {
    id: r.id,
    electionId: r.election_id,
    memberId: r.member_id,
    displayName: r.display_name,
    status: r.status,
    nominatedBy: r.nominated_by_kind === 'body' ? { kind: 'body', bodyId: r.nominating_body_id as string } : { kind: 'self' },
    slateId: r.slate_id,
    ballotNumber: r.ballot_number === null ? null : Number(r.ballot_number),
    statement: r.statement,
    nominators: json<string[]>(r.nominators ?? '[]'),
    createdAt: iso(r.created_at) as string,
    ...(r.withdrawn_after_opening ? { withdrawnAfterOpening: true } : {}),
  };
}
