import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@org/kernel';
import { AdHocPanelAppointment } from '../panel/ad-hoc-panel';
import { drawPanel, redrawSeat } from '../panel/panel-draw';
import { BranchPeriod } from '../recusal/recusal.types';
import { Case } from './case.aggregate';
import { CaseErrorCode } from './case.errors';
import {
  CASE_COMMANDS,
  CASE_LIFECYCLE,
  CASE_STAGES,
  CaseCommand,
  allows,
  nextStages,
  refusalFor,
  ruleOf,
} from './case-lifecycle';
import { escalateOverdue } from '../deadlines/deadline.policy';
import { lifecycleMarkdown, unreachableStages } from './case-lifecycle.report';
import { CaseStage, ComplaintIntake } from './case.types';
import { sealedRef } from './identifiers';
import {
  APPEALS,
  RESPONDENT,
  at,
  caseWithDuty,
  candidates,
  complainant,
  recusalFor,
  seatedCase,
  triagedCase,
} from './case.test-fixtures';

const LATER = at.days(20);
const INFORMAL: Partial<ComplaintIntake> = { path: 'informal', informalConsent: true };
const STAGE_CODES: readonly string[] = [
  CaseErrorCode.StageDoesNotAllow,
  CaseErrorCode.PathChangeNotAllowedNow,
  CaseErrorCode.InformalResolutionNotPending,
];

/** A case brought to the stage through the aggregate's own commands. */
function inStage(stage: CaseStage, o: Partial<ComplaintIntake> = {}): Case {
  switch (stage) {
    case 'received':
      return caseWithDuty(o);
    case 'triaged':
      return triagedCase(o);
    case 'closed_record_only': {
      const c = caseWithDuty({ ...o, path: 'record-only', informalConsent: undefined });
      c.triage('c01', {}, at.days(1));
      return c;
    }
    case 'withdrawn': {
      const c = caseWithDuty(o);
      c.withdraw(complainant, at.days(1));
      return c;
    }
    case 'resolved_informally': {
      const { c, panel } = seatedCase({ ...o, ...INFORMAL });
      c.proposeInformalResolution({ memberId: panel[0] }, sealedRef('sealed:terms'), at.days(3));
      c.confirmInformalResolution(complainant, at.days(4));
      return c;
    }
    default: {
      const { c, panel } = seatedCase(o);
      if (stage === 'panel_seated') return c;
      c.beginInvestigation(panel[0], at.days(3));
      for (const next of ['finding', 'final', 'published'] as const) {
        if (c.stage === stage) break;
        c.advanceToStage(next, at.days(4));
      }
      return c;
    }
  }
}

/** The recusal of `triagedWithShortPanel`: only c01 of the commission cleared; three appeals members, three ad-hoc nominees. */
function shortPanelRecusal(c: Case) {
  const shared: BranchPeriod[] = [
    { memberId: RESPONDENT, branchId: 'small', from: '2020-01-01', to: null },
    ...['c02', 'c03', 'c04', 'c05', 'c06', 'c07', 'a01', 'a02'].map((memberId) => ({
      memberId,
      branchId: 'small',
      from: '2025-01-01',
      to: null,
    })),
  ];
  const cands = [
    ...candidates(),
    ...APPEALS.map((memberId) => ({ memberId, seat: 'appeals_member' as const })),
    ...['n1', 'n2', 'n3'].map((memberId) => ({ memberId, seat: 'ad_hoc' as const })),
  ];
  return recusalFor(c, { facts: { branchHistory: shared }, candidates: cands, computedAt: at.days(2) });
}

/** Triaged, with the draw short: c01 seated, two seats asked of the Appeals Committee. */
function triagedWithShortPanel(): Case {
  const c = triagedCase();
  const outcome = shortPanelRecusal(c);
  c.recordRecusal(outcome, at.days(2));
  c.recordPanelDraw(drawPanel({ caseId: c.id, seed: 'seed-short', recusal: outcome }), at.days(2));
  return c;
}

/** The Appeals Committee's complete appointment for the two seats of `triagedWithShortPanel`. */
function shortPanelAppointment(c: Case) {
  const a = AdHocPanelAppointment.open({ caseId: c.id, seatsToFill: 2, committee: APPEALS, at: at.days(3) });
  const check = { recusal: shortPanelRecusal(c), mandates: [] };
  a.nominate('p01', 'n2', check, at.days(3));
  a.support('p02', 'n2', at.days(3));
  a.nominate('p02', 'n1', check, at.days(3));
  a.support('p03', 'n1', at.days(3));
  return a.toSnapshot();
}

/**
 * How the walk gives each command in a case of a given stage, with its guard holding as far as
 * that case allows: the right person, the right input. `guardHolds: false` says the guard cannot
 * hold in such a case (for a command the table does not bind to a stage: then the command may
 * refuse for that reason, never for the stage).
 */
interface Walk {
  build?: (stage: CaseStage) => Case;
  attempt: (c: Case, stage: CaseStage) => { run: () => unknown; guardHolds?: boolean };
}

const panelistOr = (c: Case, fallback: string) => c.seatedPanel[0] ?? fallback;
const memberOf = (id: string) => ({ memberId: id });

const WALK: Record<CaseCommand, Walk> = {
  recordRecusal: {
    attempt: (c) => {
      const outcome = recusalFor(c, { computedAt: LATER });
      return { run: () => c.recordRecusal(outcome, LATER) };
    },
  },
  assignDutyCommissioner: { attempt: (c) => ({ run: () => c.assignDutyCommissioner('c02', LATER) }) },
  selfRecuse: {
    attempt: (c) => ({
      run: () => c.selfRecuse(panelistOr(c, c.state.dutyCommissionerId ?? 'c01'), sealedRef('sealed:reason'), LATER),
    }),
  },
  triage: { attempt: (c) => ({ run: () => c.triage('c01', {}, LATER) }) },
  changePath: {
    attempt: (c) => ({ run: () => c.changePath(complainant, c.path === 'formal' ? 'informal' : 'formal', { consent: true }, LATER) }),
  },
  'changePath:record-only': { attempt: (c) => ({ run: () => c.changePath(complainant, 'record-only', {}, LATER) }) },
  revokeInformalConsent: {
    build: (stage) => inStage(stage, INFORMAL),
    attempt: (c) => ({ run: () => c.revokeInformalConsent(complainant, LATER), guardHolds: c.path === 'informal' }),
  },
  addParticipant: {
    attempt: (c) => ({ run: () => c.addParticipant(complainant, 'witness', { kind: 'member', memberId: 'm-new' }, LATER) }),
  },
  'recordPanelDraw:initial': {
    attempt: (c) => {
      const outcome = recusalFor(c, { computedAt: LATER });
      c.recordRecusal(outcome, LATER);
      const record = drawPanel({ caseId: c.id, seed: 'seed-walk-initial', recusal: outcome });
      return { run: () => c.recordPanelDraw(record, LATER) };
    },
  },
  'recordPanelDraw:redraw': {
    build: (stage) => (stage === 'triaged' ? triagedWithShortPanel() : inStage(stage)),
    attempt: (c) => {
      const vacated = c.seatedPanel[0];
      if (vacated === undefined || !allows('selfRecuse', c.stage)) {
        // Nobody to replace (or nobody may stand down any more): a redraw record all the same, refused before its seats are looked at.
        const outcome = recusalFor(c, { computedAt: LATER });
        const record = { ...drawPanel({ caseId: c.id, seed: 'seed-walk-redraw', recusal: outcome }), kind: 'redraw' as const, vacated: vacated ?? 'c01' };
        return { run: () => c.recordPanelDraw(record, LATER) };
      }
      c.selfRecuse(vacated, sealedRef('sealed:reason'), LATER);
      const outcome = recusalFor(c, { computedAt: LATER });
      c.recordRecusal(outcome, LATER);
      const record = redrawSeat({
        caseId: c.id,
        seed: 'seed-walk-redraw',
        recusal: outcome,
        vacated,
        remainingSeats: c.seatedPanel,
        previouslyRemoved: c.removedPanelists().filter((m) => m !== vacated),
        previousSeeds: c.usedSeeds(),
      });
      return { run: () => c.recordPanelDraw(record, LATER) };
    },
  },
  seatAdHocAppointees: {
    build: (stage) => (stage === 'triaged' ? triagedWithShortPanel() : inStage(stage)),
    attempt: (c, stage) => {
      if (stage !== 'triaged') {
        const a = AdHocPanelAppointment.open({ caseId: c.id, seatsToFill: 1, committee: APPEALS, at: LATER });
        return { run: () => c.seatAdHocAppointees(a.toSnapshot(), LATER), guardHolds: false };
      }
      return { run: () => c.seatAdHocAppointees(shortPanelAppointment(c), LATER) };
    },
  },
  challengePanelist: {
    build: (stage) => (stage === 'triaged' ? triagedWithShortPanel() : inStage(stage)),
    attempt: (c) => ({
      run: () =>
        c.challengePanelist(complainant, { challengeId: 'walk-ch', panelistId: panelistOr(c, 'c01'), grounds: sealedRef('sealed:g') }, LATER),
    }),
  },
  voteOnChallenge: {
    attempt: (c, stage) => {
      const [p1, p2] = c.seatedPanel;
      if (p2 === undefined || !['panel_seated', 'investigating'].includes(stage)) {
        return { run: () => c.voteOnChallenge(p1 ?? 'c01', 'walk-ch', true, LATER), guardHolds: false };
      }
      c.challengePanelist(complainant, { challengeId: 'walk-ch', panelistId: p1, grounds: sealedRef('sealed:g') }, LATER);
      return { run: () => c.voteOnChallenge(p2, 'walk-ch', false, LATER) };
    },
  },
  beginInvestigation: { attempt: (c) => ({ run: () => c.beginInvestigation(panelistOr(c, 'c01'), LATER) }) },
  recordInterimDecision: {
    attempt: (c) => {
      const decidedBy = c.seatedPanel.length > 0 ? c.seatedPanel.slice(0, 2) : [c.state.dutyCommissionerId ?? 'c01'];
      return {
        run: () =>
          c.recordInterimDecision(
            { decisionId: 'walk-i', decidedBy, outcome: 'no_measures', measures: [], reasons: sealedRef('sealed:r') },
            LATER,
          ),
      };
    },
  },
  endInterimMeasuresOf: { attempt: (c) => ({ run: () => c.endInterimMeasuresOf([RESPONDENT], LATER) }) },
  proposeInformalResolution: {
    build: (stage) => inStage(stage, INFORMAL),
    attempt: (c) => ({
      run: () => c.proposeInformalResolution(memberOf(panelistOr(c, 'c01')), sealedRef('sealed:terms'), LATER),
    }),
  },
  confirmInformalResolution: {
    build: (stage) => inStage(stage, INFORMAL),
    attempt: (c, stage) => {
      if (stage === 'panel_seated' || stage === 'investigating') {
        c.proposeInformalResolution(memberOf(c.seatedPanel[0]), sealedRef('sealed:terms'), LATER);
      }
      return { run: () => c.confirmInformalResolution(complainant, LATER) };
    },
  },
  withdraw: { attempt: (c) => ({ run: () => c.withdraw(complainant, LATER) }) },
  'advanceToStage:finding': { attempt: (c) => ({ run: () => c.advanceToStage('finding', LATER) }) },
  'advanceToStage:final': { attempt: (c) => ({ run: () => c.advanceToStage('final', LATER) }) },
  'advanceToStage:published': { attempt: (c) => ({ run: () => c.advanceToStage('published', LATER) }) },
  recordEscalation: { attempt: (c) => ({ run: () => c.recordEscalation('triage', at.days(1), ['c02'], LATER) }) },
};

function outcomeOf(run: () => unknown): DomainError | null {
  try {
    run();
    return null;
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
}

describe('the life cycle of a case, as a table', () => {
  it('declares every command of the aggregate once, and only stages that exist', () => {
    expect(CASE_LIFECYCLE.map((r) => r.command)).toEqual([...CASE_COMMANDS]);
    for (const rule of CASE_LIFECYCLE) {
      for (const t of rule.transitions) {
        expect(CASE_STAGES).toContain(t.from);
        expect(CASE_STAGES).toContain(t.to);
      }
      expect(rule.who.length).toBeGreaterThan(0);
    }
  });

  it('has no unreachable stage: every stage is reached from "received" through the table', () => {
    expect(unreachableStages()).toEqual([]);
  });

  it('leaves every ending and "published" only as the table says (withdrawn and resolved are final)', () => {
    const leaving = (stage: CaseStage) =>
      CASE_LIFECYCLE.flatMap((r) => r.transitions.filter((t) => t.from === stage && t.to !== stage).map((t) => `${r.command}→${t.to}`));
    expect(leaving('withdrawn')).toEqual([]);
    expect(leaving('resolved_informally')).toEqual([]);
    expect(leaving('published')).toEqual([]);
    expect(leaving('closed_record_only')).toEqual(['changePath→received', 'withdraw→withdrawn']);
  });

  it('is documented, generated from the table, at the end of libs/discipline/README.md', () => {
    const readme = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
    const begin = '<!-- case-lifecycle:begin (generated from src/domain/case/case-lifecycle.ts by its spec) -->\n';
    const end = '<!-- case-lifecycle:end -->';
    const from = readme.indexOf(begin);
    expect(from).toBeGreaterThanOrEqual(0);
    const to = readme.indexOf(end, from);
    expect(readme.slice(from + begin.length, to)).toBe(lifecycleMarkdown());
  });

  describe.each([...CASE_COMMANDS])('%s', (command) => {
    it.each([...CASE_STAGES])('in %s: as the table says', (stage) => {
      const walk = WALK[command];
      const c = (walk.build ?? inStage)(stage);
      expect(c.stage).toBe(stage);
      const { run, guardHolds = true } = walk.attempt(c, stage);
      const before = c.toSnapshot();
      const refused = outcomeOf(run);
      if (allows(command, stage)) {
        if (guardHolds) {
          expect(refused).toBeNull();
          expect(nextStages(command, stage)).toContain(c.stage);
        } else if (refused) {
          expect(STAGE_CODES).not.toContain(refused.code);
        }
      } else {
        // Refused, with nothing changed (where the guard cannot hold, the command may do nothing instead).
        if (guardHolds) expect(refused).toBeInstanceOf(DomainError);
        expect(c.toSnapshot()).toEqual(before);
        if (refused && STAGE_CODES.includes(refused.code)) {
          expect({ kind: refused.kind, code: refused.code, message: refused.message }).toEqual(refusalFor(command, stage));
        }
      }
    });
  });

  it('refuses in the wrong stage with the refusal the table declares (the same answers as before)', () => {
    const triaged = triagedCase();
    expect(outcomeOf(() => triaged.triage('c01', {}, LATER))).toMatchObject({
      kind: 'conflict',
      code: CaseErrorCode.StageDoesNotAllow,
      message: 'This case has already been triaged.',
    });
    const { c: seated } = seatedCase();
    expect(outcomeOf(() => seated.changePath(complainant, 'record-only', {}, LATER))).toMatchObject({
      code: CaseErrorCode.PathChangeNotAllowedNow,
      message: 'A panel is already handling this case; you can withdraw the complaint instead.',
    });
    const published = inStage('published');
    expect(outcomeOf(() => published.advanceToStage('final', LATER))).toMatchObject({
      code: CaseErrorCode.StageDoesNotAllow,
      message: 'The case cannot move to "final" from "published".',
    });
    expect(outcomeOf(() => published.withdraw(complainant, LATER))).toMatchObject({
      code: CaseErrorCode.StageDoesNotAllow,
      message: 'This complaint can no longer be withdrawn.',
    });
    expect(outcomeOf(() => published.changePath(complainant, 'informal', { consent: true }, LATER))).toMatchObject({
      code: CaseErrorCode.PathChangeNotAllowedNow,
      message: 'The path of a case can no longer be changed at this stage.',
    });
  });
});

/**
 * The commands the table once left unbound (standing down, a vote on a challenge, seating ad-hoc
 * appointees, escalating a deadline) are bound to the stages in which the rules give them an
 * object (S3, S6). Outside them each is refused with the table's refusal — in cases where
 * everything else holds (the right person, a pending challenge, a complete appointment, a missed
 * deadline), so that nothing but the stage refuses them — and nothing changes.
 */
describe('commands bound to their stages: refused outside them, whatever else holds', () => {
  /** A challenge lodged while investigating (p1 challenged, p2 a decider), then the case moved on to `to`. */
  function challengedThen(to: 'investigating' | 'finding' | 'final' | 'published'): { c: Case; decider: string } {
    const c = inStage('investigating');
    const [p1, p2] = c.seatedPanel;
    c.challengePanelist(complainant, { challengeId: 'late-ch', panelistId: p1, grounds: sealedRef('sealed:g') }, at.days(5));
    for (const next of ['finding', 'final', 'published'] as const) {
      if (c.stage === to) break;
      c.advanceToStage(next, at.days(6));
    }
    return { c, decider: p2 };
  }

  /** A complete ad-hoc appointment for a short-panel case, the case then withdrawn. */
  function appointedThenWithdrawn(): { c: Case; appointment: ReturnType<typeof shortPanelAppointment> } {
    const c = triagedWithShortPanel();
    const appointment = shortPanelAppointment(c);
    c.withdraw(complainant, at.days(4));
    return { c, appointment };
  }

  const refusedByStage = (c: Case, command: CaseCommand, run: () => unknown) => {
    const before = c.toSnapshot();
    const refused = outcomeOf(run);
    expect(refused).toBeInstanceOf(DomainError);
    expect({ kind: refused!.kind, code: refused!.code, message: refused!.message }).toEqual(refusalFor(command, c.stage));
    expect(refused!.code).toBe(CaseErrorCode.StageDoesNotAllow);
    expect(c.toSnapshot()).toEqual(before);
  };

  it('declares the stages each is allowed in', () => {
    const allowed = (command: CaseCommand) => CASE_STAGES.filter((s) => allows(command, s));
    expect(allowed('selfRecuse')).toEqual(['received', 'triaged', 'panel_seated', 'investigating', 'finding']);
    expect(allowed('voteOnChallenge')).toEqual(['triaged', 'panel_seated', 'investigating', 'finding']);
    expect(allowed('seatAdHocAppointees')).toEqual(['triaged', 'panel_seated', 'investigating']);
    expect(allowed('recordEscalation')).toEqual(['received', 'triaged', 'panel_seated', 'investigating']);
    for (const command of ['selfRecuse', 'voteOnChallenge', 'seatAdHocAppointees', 'recordEscalation'] as const) {
      expect(ruleOf(command).refusal).not.toBeNull();
    }
  });

  it.each(['final', 'published', 'resolved_informally'] as const)('selfRecuse: a seated panelist cannot stand down in %s', (stage) => {
    const c = inStage(stage);
    const panelist = c.seatedPanel[0];
    expect(panelist).toBeDefined();
    refusedByStage(c, 'selfRecuse', () => c.selfRecuse(panelist, sealedRef('sealed:reason'), LATER));
  });

  it.each(['closed_record_only', 'withdrawn'] as const)('selfRecuse: the duty commissioner cannot stand down in %s', (stage) => {
    const c = inStage(stage);
    const duty = c.state.dutyCommissionerId;
    expect(duty).not.toBeNull();
    refusedByStage(c, 'selfRecuse', () => c.selfRecuse(duty!, sealedRef('sealed:reason'), LATER));
  });

  it('selfRecuse: a panelist still stands down while the finding is being decided', () => {
    const c = inStage('finding');
    const panelist = c.seatedPanel[0];
    expect(outcomeOf(() => c.selfRecuse(panelist, sealedRef('sealed:reason'), LATER))).toBeNull();
    expect(c.stage).toBe('finding');
    expect(c.seatedPanel).not.toContain(panelist);
  });

  it.each(['final', 'published'] as const)('voteOnChallenge: a challenge still pending is not voted on in %s', (stage) => {
    const { c, decider } = challengedThen(stage);
    refusedByStage(c, 'voteOnChallenge', () => c.voteOnChallenge(decider, 'late-ch', true, LATER));
  });

  it('voteOnChallenge: a challenge lodged while investigating is still decided once the finding is opened', () => {
    const { c, decider } = challengedThen('finding');
    expect(outcomeOf(() => c.voteOnChallenge(decider, 'late-ch', false, LATER))).toBeNull();
    expect(c.state.challenges.find((ch) => ch.id === 'late-ch')?.votes.length).toBeGreaterThan(0);
  });

  it('seatAdHocAppointees: a complete appointment is not seated once the case is withdrawn', () => {
    const { c, appointment } = appointedThenWithdrawn();
    refusedByStage(c, 'seatAdHocAppointees', () => c.seatAdHocAppointees(appointment, LATER));
  });

  it.each(['received', 'finding', 'final', 'published', 'closed_record_only', 'resolved_informally', 'withdrawn'] as const)(
    'seatAdHocAppointees: refused in %s',
    (stage) => {
      const c = inStage(stage);
      const a = AdHocPanelAppointment.open({ caseId: c.id, seatsToFill: 1, committee: APPEALS, at: LATER });
      refusedByStage(c, 'seatAdHocAppointees', () => c.seatAdHocAppointees(a.toSnapshot(), LATER));
    },
  );

  it.each(['finding', 'final', 'published', 'closed_record_only', 'resolved_informally', 'withdrawn'] as const)(
    'recordEscalation: a missed deadline does not escalate in %s',
    (stage) => {
      const c = inStage(stage);
      refusedByStage(c, 'recordEscalation', () => c.recordEscalation('finding', at.days(1), ['c02'], LATER));
    },
  );

  it('recordEscalation: the deadlines job escalates nothing in a case past its handling (no refusal reaches it)', () => {
    for (const stage of ['finding', 'final', 'published', 'closed_record_only', 'resolved_informally', 'withdrawn'] as const) {
      const c = inStage(stage);
      c.recordRecusal(recusalFor(c, { computedAt: at.days(400) }), at.days(400));
      expect(escalateOverdue(c, at.days(400))).toEqual([]);
    }
  });
});
