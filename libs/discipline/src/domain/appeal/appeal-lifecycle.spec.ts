import { DomainError } from '@org/kernel';
import { COMPLAINANT, RESPONDENT, SUSPENSION, at, notifiedFinding } from '../finding/finding.test-fixtures';
import { computeRecusal } from '../recusal/recusal.engine';
import { Appeal, AppealStatus } from './appeal.entity';
import { AppealErrorCode } from './appeal.errors';
import {
  APPEAL_COMMANDS,
  APPEAL_LIFECYCLE,
  APPEAL_STATUSES,
  AppealCommand,
  appealAllows,
  appealNextStatuses,
  appealRefusalFor,
  unreachableAppealStatuses,
} from './appeal-lifecycle';

const GROUNDS = [{ ground: 'disproportionate_sanction' as const, text: 'A suspension is too harsh for a first incident.' }];
const PANEL = ['ap-1', 'ap-2', 'ap-3'];

function lodged(): Appeal {
  const finding = notifiedFinding([
    { verdict: 'uphold', sanction: SUSPENSION },
    { verdict: 'uphold', sanction: SUSPENSION },
    { verdict: 'not_uphold' },
  ]);
  return Appeal.lodge({ appealId: 'appeal-1', finding, appellantId: RESPONDENT, grounds: GROUNDS, now: at(40) }).next;
}

/** An appeal brought to the status through `Appeal`'s own commands (decided: remanded). */
function inStatus(status: AppealStatus): Appeal {
  const a = lodged();
  if (status === 'lodged') return a;
  const seated = a.seatPanel({ memberIds: PANEL, now: at(45) }).next;
  if (status === 'panel_seated') return seated;
  const one = seated.castVote({ panelistId: 'ap-1', outcome: 'remand', reasons: 'Reasons of the first member.', now: at(50) }).next;
  return one.castVote({ panelistId: 'ap-2', outcome: 'remand', reasons: 'Reasons of the second member.', now: at(50) }).next;
}

const check = (caseId: string) => ({
  recusal: computeRecusal({
    caseId,
    intakeDate: '2026-01-01',
    computedAt: at(41),
    parties: [RESPONDENT, COMPLAINANT],
    witnesses: [],
    supportPersons: [],
    reportedEvents: [],
    candidates: ['n1', 'n2'].map((memberId) => ({ memberId, seat: 'ad_hoc' as const })),
    facts: { branchHistory: [], mandates: [], relationships: [], otherOpenCases: [] },
  }),
  mandates: [],
  activeMember: true,
});

/** Each command given with its guard holding as far as an appeal in that status allows. */
const WALK: Record<AppealCommand, (a: Appeal) => () => Appeal | unknown> = {
  join: (a) => () => a.join({ appellantId: COMPLAINANT, grounds: GROUNDS, now: at(46) }).next,
  seatPanel: (a) => () => a.seatPanel({ memberIds: ['ap-1', 'ap-4', 'ap-5'], now: at(46) }).next,
  requestAdHocPanel: (a) => () => a.requestAdHocPanel({ committee: ['ap-1', 'ap-2'], seatsToFill: 1, now: at(46) }),
  nominateAdHocPanelist: (a) => {
    const short = a.status === 'lodged' ? a.requestAdHocPanel({ committee: ['ap-1', 'ap-2'], seatsToFill: 1, now: at(46) }) : a;
    const caseId = a.toSnapshot().caseId;
    return () => {
      const first = short.nominateAdHocPanelist({ by: 'ap-1', nomineeId: 'n1', check: check(caseId), now: at(46) }).next;
      return first.nominateAdHocPanelist({ by: 'ap-2', nomineeId: 'n1', check: check(caseId), now: at(46) }).next;
    };
  },
  castVote: (a) => () => a.castVote({ panelistId: 'ap-1', outcome: 'uphold', reasons: 'Reasons of the first member.', now: at(51) }).next,
  decidedView: (a) => () => (a.decidedView(), a),
  remandExclusions: (a) => () => (a.remandExclusions(), a),
};

function outcomeOf(run: () => unknown): { refused: DomainError | null; next: Appeal | null } {
  try {
    const next = run();
    return { refused: null, next: next as Appeal };
  } catch (e) {
    if (e instanceof DomainError) return { refused: e, next: null };
    throw e;
  }
}

describe('the life cycle of an appeal, as a table', () => {
  it('declares every command once, between statuses that exist, and reaches every status', () => {
    expect(APPEAL_LIFECYCLE.map((r) => r.command)).toEqual([...APPEAL_COMMANDS]);
    for (const t of APPEAL_LIFECYCLE.flatMap((r) => r.transitions)) {
      expect(APPEAL_STATUSES).toContain(t.from);
      expect(APPEAL_STATUSES).toContain(t.to);
    }
    expect(unreachableAppealStatuses()).toEqual([]);
    expect(APPEAL_LIFECYCLE.flatMap((r) => r.transitions).filter((t) => t.from === 'decided' && t.to !== 'decided')).toEqual([]);
  });

  describe.each([...APPEAL_COMMANDS])('%s', (command) => {
    it.each([...APPEAL_STATUSES])('when %s: as the table says', (status) => {
      const a = inStatus(status);
      expect(a.status).toBe(status);
      const { refused, next } = outcomeOf(WALK[command](a));
      if (appealAllows(command, status)) {
        expect(refused).toBeNull();
        expect(appealNextStatuses(command, status)).toContain(next!.status);
      } else {
        expect(refused).toMatchObject({ kind: 'conflict', ...appealRefusalFor(command, status) });
      }
    });
  });

  it('refuses in the wrong status with the same answers as before', () => {
    expect(outcomeOf(WALK.castVote(inStatus('lodged'))).refused).toMatchObject({
      code: AppealErrorCode.WrongStatus,
      message: 'The appeals panel must be seated before its members vote.',
    });
    expect(outcomeOf(WALK.castVote(inStatus('decided'))).refused).toMatchObject({
      code: AppealErrorCode.WrongStatus,
      message: 'This appeal has already been decided; votes can no longer be cast or changed.',
    });
    expect(outcomeOf(WALK.requestAdHocPanel(lodged().requestAdHocPanel({ committee: ['ap-1'], seatsToFill: 2, now: at(41) }))).refused).toMatchObject({
      code: AppealErrorCode.WrongStatus,
      message: 'The Appeals Committee has already been asked to complete this panel, or it is seated.',
    });
    expect(outcomeOf(WALK.nominateAdHocPanelist(inStatus('panel_seated'))).refused).toMatchObject({ code: AppealErrorCode.NoAdHocSeat });
  });
});
