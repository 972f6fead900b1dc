import { Inject, Injectable } from '@nestjs/common';
import type { Tx } from '@org/platform';
import {
  calendarDateOf,
  computeRecusal,
  yearsBefore,
  type Case,
  type CaseEvent,
  type CandidateSeat,
  type RecusalOutcome,
  type RecusalRecord,
} from '../../domain';
import { CaseRecordsRepository } from '../ports/case-records.repository';
import { DISCIPLINE_SETTINGS, type DisciplineSettings } from '../discipline-settings';
import { RecusalFacts } from '../ports/recusal-facts.port';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Automatic recusal (S3) for one case: loads the facts (branch histories and mandates of the
 * parties and of every commissioner, alternate and Appeals Committee member; declared
 * relationships; other open cases), asks the engine, and records the outcome on the case when
 * its verdict changed. Everyone who could be asked to act on the case is assessed: current
 * commissioners and alternates, Appeals Committee members (who may form an ad-hoc panel), the
 * people already seated or on duty, and any ad-hoc nominee.
 */
@Injectable()
export class RecusalService {
  constructor(
    private readonly facts: RecusalFacts,
    private readonly records: CaseRecordsRepository,
    @Inject(DISCIPLINE_SETTINGS) private readonly settings: DisciplineSettings,
  ) {}

  async compute(m: Tx, c: Case, now: Date, adHocNominees: readonly string[] = []): Promise<RecusalOutcome> {
    const s = c.state;
    const seats = new Map<string, CandidateSeat>();
    const bodies = await this.facts.currentCandidates(m, now.toISOString().slice(0, 10));
    for (const x of bodies) if (x.kind === 'CCOM') seats.set(x.memberId, x.role === 'alternate' ? 'alternate' : 'commissioner');
    for (const x of bodies) if (x.kind === 'APPEALS' && !seats.has(x.memberId)) seats.set(x.memberId, 'appeals_member');
    for (const seat of s.panel.seats) if (!seats.has(seat.memberId)) seats.set(seat.memberId, seat.source === 'ad_hoc' ? 'ad_hoc' : seat.source);
    if (s.dutyCommissionerId && !seats.has(s.dutyCommissionerId)) seats.set(s.dutyCommissionerId, 'commissioner');
    const appointment = s.panel.adHocSeatsRequested > 0 ? await this.records.adHocAppointment(m, s.id) : null;
    for (const id of [...(appointment?.nominations.map((n) => n.nomineeId) ?? []), ...adHocNominees]) if (!seats.has(id)) seats.set(id, 'ad_hoc');
    const people = c.participantsForRecusal();
    const ex = c.recusalExclusions();
    const candidates = [...seats.entries()].sort(([a], [b]) => byId(a, b)).map(([memberId, seat]) => ({ memberId, seat }));
    const intakeDate = calendarDateOf(s.receivedAt);
    const windowStart = yearsBefore(intakeDate, this.settings.lookBackYears);
    const concerned = [...new Set([...people.parties, ...candidates.map((x) => x.memberId)])];
    const branchHistory = await this.facts.branchHistory(m, concerned, windowStart);
    const mandates = await this.facts.mandates(m, concerned);
    const relationships = await this.facts.relationships(m, concerned);
    const otherOpenCases = await this.facts.otherOpenCases(m, s.id, people.parties);
    return computeRecusal({
      caseId: s.id,
      intakeDate,
      computedAt: now.toISOString(),
      parties: people.parties,
      witnesses: people.witnesses,
      supportPersons: people.supportPersons,
      reportedEvents: s.when ? [s.when] : [],
      candidates,
      facts: { branchHistory, mandates, relationships, otherOpenCases },
      selfRecused: ex.selfRecused,
      challengeUpheld: ex.challengeUpheld,
      lookBackYears: this.settings.lookBackYears,
    });
  }

  /**
   * Recomputes and, when the verdict differs from the one recorded (or none is, or the case's
   * people changed), records it on the case (which vacates any seat or duty now conflicted).
   * Returns the outcome aligned with what the case now records — what draws must start from.
   */
  async refresh(
    m: Tx,
    c: Case,
    now: Date,
    trigger: string,
    adHocNominees: readonly string[] = [],
  ): Promise<{ outcome: RecusalOutcome; events: CaseEvent[]; changed: boolean }> {
    const fresh = await this.compute(m, c, now, adHocNominees);
    const recorded = c.state.recusal;
    if (recorded && c.isRecusalCurrent() && sameVerdict(recorded, fresh)) {
      return { outcome: { ...fresh, computedAt: recorded.computedAt }, events: [], changed: false };
    }
    const events = c.recordRecusal(fresh, now.toISOString());
    await this.records.insertRecusal(m, fresh, trigger);
    return { outcome: { ...fresh, computedAt: c.state.recusal!.computedAt }, events, changed: true };
  }
}

function sameVerdict(r: RecusalRecord, o: RecusalOutcome): boolean {
  const eligible = o.assessments.filter((a) => a.eligible).map((a) => `${a.memberId}:${a.seat}`).sort();
  const recorded = r.eligible.map((e) => `${e.memberId}:${e.seat}`).sort();
  const conflicted = [...new Set(o.assessments.filter((a) => !a.eligible).map((a) => a.memberId))].sort();
  return eligible.join(',') === recorded.join(',') && conflicted.join(',') === [...r.conflicted].sort().join(',');
}
