import { Injectable } from '@nestjs/common';
import type { Tx } from '@org/kernel';
import { maybeOne, one, query } from '@org/platform';
import type { AmendmentSnapshot, AmendmentStage, Answer, Card, CompositeSnapshot, CompositeState, EmergencyAcceptance, MotionSnapshot, Quorum, SpeakingList, WaitingSpeaker } from '../domain';
import { FloorRepository, type AgendaItemRecord, type FloorRecord, type SpeakerRecord, type VoteRecord } from '../application/ports/floor.repository';

const iso = (d: Date | string | null): string | null => (d === null ? null : d instanceof Date ? d.toISOString() : new Date(d).toISOString());

interface FloorRow {
  congress_id: string;
  motion_deadline: Date;
  seconders_required: number;
  voting: 'open' | 'secret' | 'card';
  quorum_kind: Quorum['kind'];
  quorum_value: number;
  alternation: 'none' | 'alternate-lists' | 'first-time-first';
  speaking_seconds: number;
  emergency_acceptance: EmergencyAcceptance;
  opened_by: string;
  opened_at: Date;
}
interface OfficerRow {
  member_id: string;
  role: 'chair' | 'standing-orders';
}
interface AgendaItemRow {
  id: string;
  congress_id: string;
  position: number;
  title: string;
  kind: AgendaItemRecord['kind'];
  report_text: string | null;
  presented_by: string | null;
  starts_at: Date;
  minutes: number;
  last_list: SpeakingList | null;
}
interface MotionRow {
  id: string;
  congress_id: string;
  agenda_item_id: string | null;
  number: number;
  title: string;
  text: string;
  submitter_kind: MotionSnapshot['submitter']['kind'];
  submitter_ref: string | null;
  submitted_by: string;
  stage: MotionSnapshot['stage'];
  refusal_reason: string | null;
  amended_text: string | null;
  composited_into: string | null;
  emergency_reason: string | null;
  admission_reason: string | null;
  submitted_at: Date;
  decided_at: Date | null;
  version: number;
}
interface CompositeRow {
  id: string;
  congress_id: string;
  title: string;
  text: string;
  proposed_by: string;
  proposed_at: Date;
  state: CompositeState;
  motion_id: string | null;
}
interface CompositeOriginalRow {
  composite_id: string;
  motion_id: string;
  number: number;
  submitter_kind: MotionSnapshot['submitter']['kind'];
  submitter_ref: string | null;
  consent: boolean | null;
  answered_by: string | null;
  answered_at: Date | null;
  withdrawal_by: string | null;
  withdrawal_at: Date | null;
}
interface SeconderRow {
  motion_id: string;
  member_id: string;
}
interface AmendmentRow {
  id: string;
  motion_id: string;
  amends: string | null;
  number: number;
  from_line: number;
  to_line: number;
  text: string;
  moved_by: string;
  stage: AmendmentStage;
  submitted_at: Date;
}
interface SpeakerRow {
  id: string;
  agenda_item_id: string;
  member_id: string;
  list: SpeakingList;
  point_of_order: boolean;
  seq: string;
  state: SpeakerRecord['state'];
  started_at: Date | null;
  ends_at: Date | null;
  ended_at: Date | null;
}
interface WaitingRow {
  id: string;
  member_id: string;
  list: SpeakingList;
  point_of_order: boolean;
  seq: string;
  spoken: boolean;
}
interface VoteRow {
  id: string;
  congress_id: string;
  motion_id: string;
  amendment_id: string | null;
  secret: boolean;
  by_card: boolean;
  electorate: number;
  quorum: number | null;
  acceptance: boolean;
  opened_at: Date;
  closed_at: Date | null;
  yes: number;
  no: number;
  abstain: number;
  carried: boolean | null;
}

const toAgendaItem = (r: AgendaItemRow): AgendaItemRecord => ({
  id: r.id,
  congressId: r.congress_id,
  position: r.position,
  title: r.title,
  kind: r.kind,
  reportText: r.report_text,
  presentedBy: r.presented_by,
  startsAt: iso(r.starts_at) as string,
  minutes: r.minutes,
  lastList: r.last_list,
});

const toMotion = (r: MotionRow, seconders: string[]): MotionSnapshot => ({
  id: r.id,
  congressId: r.congress_id,
  agendaItemId: r.agenda_item_id,
  number: r.number,
  title: r.title,
  text: r.text,
  submitter: { kind: r.submitter_kind, ref: r.submitter_ref },
  submittedBy: r.submitted_by,
  stage: r.stage,
  seconders,
  refusalReason: r.refusal_reason,
  amendedText: r.amended_text,
  compositedInto: r.composited_into,
  emergencyReason: r.emergency_reason,
  admissionReason: r.admission_reason,
  submittedAt: iso(r.submitted_at) as string,
  decidedAt: iso(r.decided_at),
  version: r.version,
});

const toAmendment = (r: AmendmentRow): AmendmentSnapshot => ({
  id: r.id,
  motionId: r.motion_id,
  amends: r.amends,
  number: r.number,
  fromLine: r.from_line,
  toLine: r.to_line,
  text: r.text,
  movedBy: r.moved_by,
  stage: r.stage,
  submittedAt: iso(r.submitted_at) as string,
});

const toSpeaker = (r: SpeakerRow): SpeakerRecord => ({
  id: r.id,
  agendaItemId: r.agenda_item_id,
  memberId: r.member_id,
  list: r.list,
  pointOfOrder: r.point_of_order,
  seq: Number(r.seq),
  state: r.state,
  startedAt: iso(r.started_at),
  endsAt: iso(r.ends_at),
  endedAt: iso(r.ended_at),
});

const toVote = (r: VoteRow): VoteRecord => ({
  id: r.id,
  congressId: r.congress_id,
  motionId: r.motion_id,
  amendmentId: r.amendment_id,
  secret: r.secret,
  byCard: r.by_card,
  electorate: r.electorate,
  quorum: r.quorum,
  acceptance: r.acceptance,
  openedAt: iso(r.opened_at) as string,
  closedAt: iso(r.closed_at),
  yes: r.yes,
  no: r.no,
  abstain: r.abstain,
  carried: r.carried,
});

/** The congress floor's tables in plain SQL (docs/adr/0009-sql-first-persistence.md). */
@Injectable()
export class FloorSqlRepository extends FloorRepository {
  async insertFloor(tx: Tx, f: FloorRecord): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.floors (congress_id, motion_deadline, seconders_required, voting, alternation, speaking_seconds, quorum_kind, quorum_value, emergency_acceptance, opened_by, opened_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [f.congressId, f.orders.motionDeadline, f.orders.secondersRequired, f.orders.voting, f.orders.alternation, f.orders.speakingSeconds, f.orders.quorum.kind, f.orders.quorum.value, f.orders.emergencyAcceptance, f.openedBy, f.openedAt],
    );
    const officers = [...f.chairs.map((id) => [id, 'chair']), ...f.standingOrdersCommittee.map((id) => [id, 'standing-orders'])];
    await query(
      tx,
      `INSERT INTO congress_floor.officers (congress_id, member_id, role) SELECT $1::uuid, * FROM unnest($2::uuid[], $3::text[]) ON CONFLICT DO NOTHING`,
      [f.congressId, officers.map((o) => o[0]), officers.map((o) => o[1])],
    );
  }

  async floor(tx: Tx, congressId: string, forUpdate = false): Promise<FloorRecord | null> {
    const r = forUpdate
      ? await maybeOne<FloorRow>(tx, `SELECT * FROM congress_floor.floors WHERE congress_id = $1 FOR UPDATE`, [congressId])
      : await maybeOne<FloorRow>(tx, `SELECT * FROM congress_floor.floors WHERE congress_id = $1`, [congressId]);
    if (!r) return null;
    const officers = await query<OfficerRow>(tx, `SELECT member_id, role FROM congress_floor.officers WHERE congress_id = $1 ORDER BY member_id`, [congressId]);
    return {
      congressId: r.congress_id,
      orders: {
        motionDeadline: iso(r.motion_deadline) as string,
        secondersRequired: r.seconders_required,
        voting: r.voting,
        alternation: r.alternation,
        speakingSeconds: r.speaking_seconds,
        quorum: { kind: r.quorum_kind, value: r.quorum_value },
        emergencyAcceptance: r.emergency_acceptance,
      },
      chairs: officers.filter((o) => o.role === 'chair').map((o) => o.member_id),
      standingOrdersCommittee: officers.filter((o) => o.role === 'standing-orders').map((o) => o.member_id),
      openedBy: r.opened_by,
      openedAt: iso(r.opened_at) as string,
    };
  }

  async takeMotionNumber(tx: Tx, congressId: string): Promise<number> {
    const r = await one<{ number: number }>(
      tx,
      `UPDATE congress_floor.floors SET next_motion_number = next_motion_number + 1 WHERE congress_id = $1 RETURNING next_motion_number - 1 AS number`,
      [congressId],
    );
    return Number(r.number);
  }

  async insertAgendaItem(tx: Tx, i: AgendaItemRecord): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.agenda_items (id, congress_id, position, title, kind, report_text, presented_by, starts_at, minutes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [i.id, i.congressId, i.position, i.title, i.kind, i.reportText, i.presentedBy, i.startsAt, i.minutes],
    );
  }

  async agendaItem(tx: Tx, id: string, forUpdate = false): Promise<AgendaItemRecord | null> {
    const r = forUpdate
      ? await maybeOne<AgendaItemRow>(tx, `SELECT * FROM congress_floor.agenda_items WHERE id = $1 FOR UPDATE`, [id])
      : await maybeOne<AgendaItemRow>(tx, `SELECT * FROM congress_floor.agenda_items WHERE id = $1`, [id]);
    return r ? toAgendaItem(r) : null;
  }

  async agenda(tx: Tx, congressId: string): Promise<AgendaItemRecord[]> {
    return (await query<AgendaItemRow>(tx, `SELECT * FROM congress_floor.agenda_items WHERE congress_id = $1 ORDER BY position`, [congressId])).map(toAgendaItem);
  }

  async setLastList(tx: Tx, itemId: string, list: SpeakingList): Promise<void> {
    await query(tx, `UPDATE congress_floor.agenda_items SET last_list = $2 WHERE id = $1`, [itemId, list]);
  }

  async insertMotion(tx: Tx, m: MotionSnapshot): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.motions (id, congress_id, agenda_item_id, number, title, text, submitter_kind, submitter_ref, submitted_by, stage, refusal_reason, amended_text, submitted_at, decided_at, version, emergency_reason, admission_reason)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)`,
      [m.id, m.congressId, m.agendaItemId, m.number, m.title, m.text, m.submitter.kind, m.submitter.ref, m.submittedBy, m.stage, m.refusalReason, m.amendedText, m.submittedAt, m.decidedAt, m.version, m.emergencyReason, m.admissionReason],
    );
    await this.writeSeconders(tx, m);
  }

  private async writeSeconders(tx: Tx, m: MotionSnapshot): Promise<void> {
    await query(tx, `DELETE FROM congress_floor.seconders WHERE motion_id = $1`, [m.id]);
    await query(
      tx,
      `INSERT INTO congress_floor.seconders (motion_id, member_id, position) SELECT $1::uuid, s.member_id, s.position FROM unnest($2::uuid[]) WITH ORDINALITY AS s(member_id, position)`,
      [m.id, m.seconders],
    );
  }

  private async secondersOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string[]>> {
    const rows = await query<SeconderRow>(tx, `SELECT motion_id, member_id FROM congress_floor.seconders WHERE motion_id = ANY($1::uuid[]) ORDER BY motion_id, position`, [ids]);
    const out = new Map<string, string[]>();
    for (const r of rows) out.set(r.motion_id, [...(out.get(r.motion_id) ?? []), r.member_id]);
    return out;
  }

  async motion(tx: Tx, id: string, forUpdate = false): Promise<MotionSnapshot | null> {
    const r = forUpdate
      ? await maybeOne<MotionRow>(tx, `SELECT * FROM congress_floor.motions WHERE id = $1 FOR UPDATE`, [id])
      : await maybeOne<MotionRow>(tx, `SELECT * FROM congress_floor.motions WHERE id = $1`, [id]);
    if (!r) return null;
    return toMotion(r, (await this.secondersOf(tx, [id])).get(id) ?? []);
  }

  async motions(tx: Tx, congressId: string): Promise<MotionSnapshot[]> {
    const rows = await query<MotionRow>(tx, `SELECT * FROM congress_floor.motions WHERE congress_id = $1 ORDER BY number`, [congressId]);
    const seconders = await this.secondersOf(tx, rows.map((r) => r.id));
    return rows.map((r) => toMotion(r, seconders.get(r.id) ?? []));
  }

  async updateMotion(tx: Tx, m: MotionSnapshot): Promise<void> {
    await query(
      tx,
      `UPDATE congress_floor.motions SET agenda_item_id = $2, title = $3, text = $4, stage = $5, refusal_reason = $6, amended_text = $7, decided_at = $8, version = $9, composited_into = $10, admission_reason = $11 WHERE id = $1`,
      [m.id, m.agendaItemId, m.title, m.text, m.stage, m.refusalReason, m.amendedText, m.decidedAt, m.version, m.compositedInto, m.admissionReason],
    );
    await this.writeSeconders(tx, m);
  }

  async insertComposite(tx: Tx, c: CompositeSnapshot): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.composites (id, congress_id, title, text, proposed_by, proposed_at, state, motion_id) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [c.id, c.congressId, c.title, c.text, c.proposedBy, c.proposedAt, c.state, c.motionId],
    );
    await query(tx, `INSERT INTO congress_floor.composite_originals (composite_id, motion_id) SELECT $1::uuid, * FROM unnest($2::uuid[])`, [c.id, c.originals.map((o) => o.motionId)]);
  }

  async updateComposite(tx: Tx, c: CompositeSnapshot): Promise<void> {
    await query(tx, `UPDATE congress_floor.composites SET state = $2, motion_id = $3 WHERE id = $1`, [c.id, c.state, c.motionId]);
    await query(
      tx,
      `UPDATE congress_floor.composite_originals o SET consent = a.consent, answered_by = a.answered_by, answered_at = a.answered_at, withdrawal_by = a.withdrawal_by, withdrawal_at = a.withdrawal_at
         FROM unnest($2::uuid[], $3::boolean[], $4::uuid[], $5::timestamptz[], $6::uuid[], $7::timestamptz[]) AS a(motion_id, consent, answered_by, answered_at, withdrawal_by, withdrawal_at)
        WHERE o.composite_id = $1 AND o.motion_id = a.motion_id`,
      [
        c.id,
        c.originals.map((o) => o.motionId),
        c.originals.map((o) => o.consent),
        c.originals.map((o) => o.answeredBy),
        c.originals.map((o) => o.answeredAt),
        c.originals.map((o) => o.withdrawalBy),
        c.originals.map((o) => o.withdrawalAt),
      ],
    );
  }

  async composite(tx: Tx, id: string, forUpdate = false): Promise<CompositeSnapshot | null> {
    const r = forUpdate
      ? await maybeOne<CompositeRow>(tx, `SELECT * FROM congress_floor.composites WHERE id = $1 FOR UPDATE`, [id])
      : await maybeOne<CompositeRow>(tx, `SELECT * FROM congress_floor.composites WHERE id = $1`, [id]);
    return r ? (await this.withOriginals(tx, [r]))[0] : null;
  }

  async composites(tx: Tx, congressId: string): Promise<CompositeSnapshot[]> {
    return this.withOriginals(tx, await query<CompositeRow>(tx, `SELECT * FROM congress_floor.composites WHERE congress_id = $1 ORDER BY proposed_at, id`, [congressId]));
  }

  async motionsInPendingComposites(tx: Tx, congressId: string): Promise<string[]> {
    const rows = await query<{ motion_id: string }>(
      tx,
      `SELECT o.motion_id FROM congress_floor.composite_originals o JOIN congress_floor.composites c ON c.id = o.composite_id WHERE c.congress_id = $1 AND c.state = 'proposed'`,
      [congressId],
    );
    return rows.map((r) => r.motion_id);
  }

  private async withOriginals(tx: Tx, rows: CompositeRow[]): Promise<CompositeSnapshot[]> {
    if (rows.length === 0) return [];
    const originals = await query<CompositeOriginalRow>(
      tx,
      `SELECT o.composite_id, o.motion_id, m.number, m.submitter_kind, m.submitter_ref, o.consent, o.answered_by, o.answered_at, o.withdrawal_by, o.withdrawal_at
         FROM congress_floor.composite_originals o JOIN congress_floor.motions m ON m.id = o.motion_id
        WHERE o.composite_id = ANY($1::uuid[]) ORDER BY m.number`,
      [rows.map((r) => r.id)],
    );
    return rows.map((r) => ({
      id: r.id,
      congressId: r.congress_id,
      title: r.title,
      text: r.text,
      proposedBy: r.proposed_by,
      proposedAt: iso(r.proposed_at) as string,
      state: r.state,
      motionId: r.motion_id,
      originals: originals
        .filter((o) => o.composite_id === r.id)
        .map((o) => ({ motionId: o.motion_id, number: o.number, submitter: { kind: o.submitter_kind, ref: o.submitter_ref }, consent: o.consent, answeredBy: o.answered_by, answeredAt: iso(o.answered_at), withdrawalBy: o.withdrawal_by, withdrawalAt: iso(o.withdrawal_at) })),
    }));
  }

  async insertAmendment(tx: Tx, a: AmendmentSnapshot): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.amendments (id, motion_id, number, from_line, to_line, text, moved_by, stage, submitted_at, amends) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [a.id, a.motionId, a.number, a.fromLine, a.toLine, a.text, a.movedBy, a.stage, a.submittedAt, a.amends],
    );
  }

  async amendment(tx: Tx, id: string, forUpdate = false): Promise<AmendmentSnapshot | null> {
    const r = forUpdate
      ? await maybeOne<AmendmentRow>(tx, `SELECT * FROM congress_floor.amendments WHERE id = $1 FOR UPDATE`, [id])
      : await maybeOne<AmendmentRow>(tx, `SELECT * FROM congress_floor.amendments WHERE id = $1`, [id]);
    return r ? toAmendment(r) : null;
  }

  async amendments(tx: Tx, motionIds: readonly string[]): Promise<AmendmentSnapshot[]> {
    return (await query<AmendmentRow>(tx, `SELECT * FROM congress_floor.amendments WHERE motion_id = ANY($1::uuid[]) ORDER BY motion_id, number`, [motionIds])).map(toAmendment);
  }

  async setAmendmentStage(tx: Tx, ids: readonly string[], stage: AmendmentStage): Promise<void> {
    await query(tx, `UPDATE congress_floor.amendments SET stage = $2 WHERE id = ANY($1::uuid[])`, [ids, stage]);
  }

  async insertSpeaker(tx: Tx, s: { id: string; agendaItemId: string; memberId: string; list: SpeakingList; pointOfOrder: boolean }): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.speakers (id, agenda_item_id, member_id, list, point_of_order, state) VALUES ($1, $2, $3, $4, $5, 'waiting')`,
      [s.id, s.agendaItemId, s.memberId, s.list, s.pointOfOrder],
    );
  }

  async speakers(tx: Tx, agendaItemId: string): Promise<SpeakerRecord[]> {
    return (await query<SpeakerRow>(tx, `SELECT * FROM congress_floor.speakers WHERE agenda_item_id = $1 ORDER BY seq`, [agendaItemId])).map(toSpeaker);
  }

  async speaker(tx: Tx, id: string): Promise<SpeakerRecord | null> {
    const r = await maybeOne<SpeakerRow>(tx, `SELECT * FROM congress_floor.speakers WHERE id = $1`, [id]);
    return r ? toSpeaker(r) : null;
  }

  async updateSpeaker(tx: Tx, s: SpeakerRecord): Promise<void> {
    await query(tx, `UPDATE congress_floor.speakers SET state = $2, started_at = $3, ends_at = $4, ended_at = $5 WHERE id = $1`, [s.id, s.state, s.startedAt, s.endsAt, s.endedAt]);
  }

  async waitingWithHistory(tx: Tx, congressId: string, agendaItemId: string): Promise<WaitingSpeaker[]> {
    const rows = await query<WaitingRow>(
      tx,
      `SELECT s.id, s.member_id, s.list, s.point_of_order, s.seq,
              EXISTS (SELECT 1 FROM congress_floor.speakers d JOIN congress_floor.agenda_items i ON i.id = d.agenda_item_id
                       WHERE i.congress_id = $1 AND d.member_id = s.member_id AND d.state = 'done' AND NOT d.point_of_order) AS spoken
         FROM congress_floor.speakers s
        WHERE s.agenda_item_id = $2 AND s.state = 'waiting'
        ORDER BY s.seq`,
      [congressId, agendaItemId],
    );
    return rows.map((r) => ({ id: r.id, memberId: r.member_id, list: r.list, pointOfOrder: r.point_of_order, seq: Number(r.seq), firstTime: !r.spoken }));
  }

  async insertVote(tx: Tx, v: VoteRecord): Promise<void> {
    await query(
      tx,
      `INSERT INTO congress_floor.votes (id, congress_id, motion_id, amendment_id, secret, by_card, electorate, quorum, opened_at, acceptance) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [v.id, v.congressId, v.motionId, v.amendmentId, v.secret, v.byCard, v.electorate, v.quorum, v.openedAt, v.acceptance],
    );
  }

  async vote(tx: Tx, id: string, forUpdate = false): Promise<VoteRecord | null> {
    const r = forUpdate
      ? await maybeOne<VoteRow>(tx, `SELECT * FROM congress_floor.votes WHERE id = $1 FOR UPDATE`, [id])
      : await maybeOne<VoteRow>(tx, `SELECT * FROM congress_floor.votes WHERE id = $1`, [id]);
    return r ? toVote(r) : null;
  }

  async voteForCounting(tx: Tx, id: string): Promise<VoteRecord | null> {
    const r = await maybeOne<VoteRow>(tx, `SELECT * FROM congress_floor.votes WHERE id = $1 FOR NO KEY UPDATE`, [id]);
    return r ? toVote(r) : null;
  }

  async openVote(tx: Tx, congressId: string): Promise<VoteRecord | null> {
    const r = await maybeOne<VoteRow>(tx, `SELECT * FROM congress_floor.votes WHERE congress_id = $1 AND closed_at IS NULL`, [congressId]);
    return r ? toVote(r) : null;
  }

  async votesOfMotions(tx: Tx, motionIds: readonly string[]): Promise<VoteRecord[]> {
    return (await query<VoteRow>(tx, `SELECT * FROM congress_floor.votes WHERE motion_id = ANY($1::uuid[]) ORDER BY opened_at, id`, [motionIds])).map(toVote);
  }

  async takePart(tx: Tx, voteId: string, memberId: string): Promise<boolean> {
    const rows = await query<{ member_id: string }>(
      tx,
      `INSERT INTO congress_floor.vote_participation (vote_id, member_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING member_id`,
      [voteId, memberId],
    );
    return rows.length === 1;
  }

  async count(tx: Tx, voteId: string, answer: Answer, card: { memberId: string; delegation?: string; weight?: number } | null): Promise<void> {
    const weight = card?.weight ?? 1;
    if (card?.delegation) {
      await query(tx, `INSERT INTO congress_floor.card_vote_cards (vote_id, member_id, delegation, weight, answer) VALUES ($1, $2, $3, $4, $5)`, [voteId, card.memberId, card.delegation, weight, answer]);
    } else if (card) {
      await query(tx, `INSERT INTO congress_floor.open_vote_cards (vote_id, member_id, answer) VALUES ($1, $2, $3)`, [voteId, card.memberId, answer]);
    }
    await query(
      tx,
      `UPDATE congress_floor.votes SET yes = yes + ($2 = 'yes')::int * $3, no = no + ($2 = 'no')::int * $3, abstain = abstain + ($2 = 'abstain')::int * $3 WHERE id = $1`,
      [voteId, answer, weight],
    );
  }

  async cardVoteCards(tx: Tx, voteId: string): Promise<Card[]> {
    return (
      await query<{ member_id: string; delegation: string; weight: number; answer: Answer }>(
        tx,
        `SELECT member_id, delegation, weight, answer FROM congress_floor.card_vote_cards WHERE vote_id = $1 ORDER BY delegation, member_id`,
        [voteId],
      )
    ).map((r) => ({ memberId: r.member_id, delegation: r.delegation, weight: r.weight, answer: r.answer }));
  }

  async closeVote(tx: Tx, voteId: string, at: Date, carried: boolean): Promise<void> {
    await query(tx, `UPDATE congress_floor.votes SET closed_at = $2, carried = $3 WHERE id = $1`, [voteId, at, carried]);
  }

  async cards(tx: Tx, voteId: string): Promise<{ memberId: string; answer: Answer }[]> {
    return (await query<{ member_id: string; answer: Answer }>(tx, `SELECT member_id, answer FROM congress_floor.open_vote_cards WHERE vote_id = $1 ORDER BY member_id`, [voteId])).map((r) => ({
      memberId: r.member_id,
      answer: r.answer,
    }));
  }

  async participants(tx: Tx, voteId: string): Promise<number> {
    return Number((await one<{ n: number }>(tx, `SELECT count(*)::int AS n FROM congress_floor.vote_participation WHERE vote_id = $1`, [voteId])).n);
  }
}
