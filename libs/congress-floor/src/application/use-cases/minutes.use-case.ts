import { Injectable } from '@nestjs/common';
import { FloorRepository, type SpeakerRecord } from '../ports/floor.repository';
import { loadFloor } from './floor.use-case';
import { MotionsUseCase, type MotionView } from './motions.use-case';
import { FloorTransactions } from '../ports/floor-transactions.port';

export interface MinutesItem {
  position: number;
  title: string;
  kind: string;
  startsAt: string;
  presentedBy: string | null;
  /** Who spoke, in the order they spoke (member ids; points of order marked). */
  speeches: { memberId: string; pointOfOrder: boolean; startedAt: string; endedAt: string | null }[];
  motions: MotionView[];
}

export interface Minutes {
  congressId: string;
  items: MinutesItem[];
  /** Motions not (yet) placed under an agenda item: refused, withdrawn, waiting. */
  otherMotions: MotionView[];
  /** The same record as plain text, for the minutes book. */
  text: string;
}

const outcome = (m: MotionView): string => {
  const lines = [`Motion ${m.number} "${m.title}" (${m.submitter.kind}): ${m.stage}.`];
  if (m.emergencyReason !== null) lines.push(`  Emergency motion, submitted after the deadline: ${m.emergencyReason}`);
  if (m.admissionReason) lines.push(`  Admitted by the standing orders committee: ${m.admissionReason}`);
  if (m.refusalReason) lines.push(`  Refused by the standing orders committee: ${m.refusalReason}`);
  const accepting = m.votes.find((x) => x.acceptance && x.closedAt);
  if (accepting) lines.push(`  Vote on accepting it onto the agenda: for ${accepting.yes}, against ${accepting.no}, abstentions ${accepting.abstain} — ${accepting.carried ? 'accepted' : 'not accepted'}.`);
  for (const a of m.amendments) {
    const v = m.votes.find((x) => x.amendmentId === a.id && x.closedAt);
    const to = a.amends ? ` to amendment ${m.amendments.find((x) => x.id === a.amends)?.number}` : '';
    lines.push(`  Amendment ${a.number}${to} (lines ${a.fromLine}–${a.toLine}): ${a.stage}${v ? ` — for ${v.yes}, against ${v.no}, abstentions ${v.abstain}` : ''}.`);
  }
  const final = m.votes.find((x) => x.amendmentId === null && !x.acceptance && x.closedAt);
  if (final) {
    const how = final.secret ? ' (secret)' : final.byCard ? ' (by card)' : '';
    const present = `${final.electorate} delegate(s) present${final.quorum !== null ? `, quorum ${final.quorum}` : ''}`;
    lines.push(`  Vote on the motion${how}: for ${final.yes}, against ${final.no}, abstentions ${final.abstain} — ${final.carried ? 'carried' : 'lost'} (${present}).`);
  }
  if (m.compositeOf) lines.push(`  Composite of motions ${m.compositeOf.map((o) => o.number).join(', ')}, with their movers' consent.`);
  if (m.compositedInto) lines.push('  Composited, with its mover\'s consent.');
  if (m.amendedText !== null) lines.push('  As adopted:', ...m.amendedText.split('\n').map((l) => `    ${l}`));
  return lines.join('\n');
};

/** Minutes produced from the record: the agenda, who spoke, every motion, amendment and vote with its totals. */
@Injectable()
export class MinutesUseCase {
  constructor(
    private readonly ds: FloorTransactions,
    private readonly floors: FloorRepository,
    private readonly motions: MotionsUseCase,
  ) {}

  async minutes(congressId: string): Promise<Minutes> {
    const m = this.ds.manager;
    await loadFloor(m, this.floors, congressId);
    const agenda = await this.floors.agenda(m, congressId);
    const motions = await this.motions.list(congressId);
    const items: MinutesItem[] = [];
    for (const i of agenda) {
      const spoken = (await this.floors.speakers(m, i.id)).filter((s): s is SpeakerRecord & { startedAt: string } => s.startedAt !== null).sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.seq - b.seq);
      items.push({
        position: i.position,
        title: i.title,
        kind: i.kind,
        startsAt: i.startsAt,
        presentedBy: i.presentedBy,
        speeches: spoken.map((s) => ({ memberId: s.memberId, pointOfOrder: s.pointOfOrder, startedAt: s.startedAt, endedAt: s.endedAt })),
        motions: motions.filter((x) => x.agendaItemId === i.id),
      });
    }
    const otherMotions = motions.filter((x) => !x.agendaItemId || !agenda.some((i) => i.id === x.agendaItemId));
    const text = [
      ...items.flatMap((i) => [
        `${i.position}. ${i.title}${i.presentedBy ? ` (presented by ${i.presentedBy})` : ''} — ${i.startsAt}`,
        ...(i.speeches.length ? [`  Speakers: ${i.speeches.map((s) => `${s.memberId}${s.pointOfOrder ? ' (point of order)' : ''}`).join(', ')}`] : []),
        ...i.motions.map(outcome),
      ]),
      ...(otherMotions.length ? ['Other motions:', ...otherMotions.map(outcome)] : []),
    ].join('\n');
    return { congressId, items, otherMotions, text };
  }
}
