import { DomainError } from '@org/kernel';
import { Appeal } from '../appeal/appeal.entity';
import { Finding, FindingStatus } from './finding.entity';
import { FindingErrorCode } from './finding.errors';
import {
  FINDING_COMMANDS,
  FINDING_LIFECYCLE,
  FINDING_STATUSES,
  FindingCommand,
  findingAllows,
  findingNextStatuses,
  findingRuleOf,
  unreachableFindingStatuses,
} from './finding-lifecycle';
import { PANEL, RESPONDENT, SUSPENSION, WARNING, at, finalFinding, notifiedFinding, openFinding } from './finding.test-fixtures';

const GROUNDS = [{ ground: 'disproportionate_sanction' as const, text: 'A suspension is too harsh for a first incident.' }];
const UPHELD = [
  { verdict: 'uphold' as const, sanction: SUSPENSION },
  { verdict: 'uphold' as const, sanction: SUSPENSION },
  { verdict: 'not_uphold' as const },
];

function appealed(): { finding: Finding; appeal: Appeal } {
  const notified = notifiedFinding(UPHELD);
  const { next: appeal } = Appeal.lodge({ appealId: 'appeal-1', finding: notified, appellantId: RESPONDENT, grounds: GROUNDS, now: at(40) });
  return { finding: notified.registerAppeal(appeal, at(40)).next, appeal };
}

function decidedAppeal(outcome: 'uphold' | 'remand'): { finding: Finding; appeal: Appeal } {
  const { finding, appeal } = appealed();
  let a = appeal.seatPanel({ memberIds: ['ap-1', 'ap-2', 'ap-3'], now: at(45) }).next;
  a = a.castVote({ panelistId: 'ap-1', outcome, reasons: 'Reasons of the first member.', now: at(50) }).next;
  a = a.castVote({ panelistId: 'ap-2', outcome, reasons: 'Reasons of the second member.', now: at(50) }).next;
  return { finding, appeal: a };
}

/** A finding brought to the status through `Finding`'s own commands. */
function inStatus(status: FindingStatus): Finding {
  switch (status) {
    case 'deliberating':
      return openFinding();
    case 'decided': {
      let f = openFinding();
      for (const id of PANEL) f = f.castVote({ panelistId: id, verdict: 'uphold', proposedSanction: WARNING, now: at(1) }).next;
      return f.decide({ rule: '§4', reasons: 'Reasons written by the panel.', now: at(2) }).next;
    }
    case 'notified':
      return notifiedFinding(UPHELD);
    case 'under_appeal':
      return appealed().finding;
    case 'final':
      return finalFinding(UPHELD);
    case 'set_aside': {
      const { finding, appeal } = decidedAppeal('remand');
      return finding.applyAppealDecision(appeal.decidedView(), at(51)).next;
    }
  }
}

/** Each command given with its guard holding as far as a finding in that status allows. */
const WALK: Record<FindingCommand, (f: Finding) => () => { next: Finding }> = {
  castVote: (f) => () => f.castVote({ panelistId: PANEL[0], verdict: 'uphold', proposedSanction: WARNING, now: at(1) }),
  decide: (f) => {
    let voted = f;
    if (f.status === 'deliberating') {
      for (const id of PANEL) voted = voted.castVote({ panelistId: id, verdict: 'not_uphold', now: at(1) }).next;
    }
    return () => voted.decide({ rule: '§4', reasons: 'Reasons written by the panel.', now: at(2) });
  },
  notifyParties: (f) => () => f.notifyParties(at(31)),
  // Another appeal than the one a finding under appeal has (the same one again changes nothing).
  registerAppeal: (f) => () => f.registerAppeal({ appealId: 'appeal-walk', findingId: f.findingId }, at(40)),
  finalizeIfAppealWindowPassed: (f) => () => f.finalizeIfAppealWindowPassed(at(70)),
  applyAppealDecision: (f) => {
    const { appeal } = decidedAppeal('uphold');
    const view = { ...appeal.decidedView(), findingId: f.findingId, appealId: f.toSnapshot().appealId ?? 'appeal-1' };
    return () => f.applyAppealDecision(view, at(51));
  },
};

function outcomeOf(run: () => { next: Finding }): { refused: DomainError | null; next: Finding | null } {
  try {
    return { refused: null, next: run().next };
  } catch (e) {
    if (e instanceof DomainError) return { refused: e, next: null };
    throw e;
  }
}

describe('the life cycle of a finding, as a table', () => {
  it('declares every command once, between statuses that exist, and reaches every status', () => {
    expect(FINDING_LIFECYCLE.map((r) => r.command)).toEqual([...FINDING_COMMANDS]);
    for (const t of FINDING_LIFECYCLE.flatMap((r) => r.transitions)) {
      expect(FINDING_STATUSES).toContain(t.from);
      expect(FINDING_STATUSES).toContain(t.to);
    }
    expect(unreachableFindingStatuses()).toEqual([]);
  });

  it('never leaves final or set aside: a finding changes after its decision only by an appeal', () => {
    const leaving = FINDING_LIFECYCLE.flatMap((r) => r.transitions).filter((t) => ['final', 'set_aside'].includes(t.from) && t.to !== t.from);
    expect(leaving).toEqual([]);
  });

  describe.each([...FINDING_COMMANDS])('%s', (command) => {
    it.each([...FINDING_STATUSES])('when %s: as the table says', (status) => {
      const f = inStatus(status);
      expect(f.status).toBe(status);
      const { refused, next } = outcomeOf(WALK[command](f));
      if (findingAllows(command, status)) {
        expect(refused).toBeNull();
        expect(findingNextStatuses(command, status)).toContain(next!.status);
      } else {
        expect(refused).toBeInstanceOf(DomainError);
        if (refused!.code === FindingErrorCode.WrongStatus) {
          expect(refused!.message).toBe(`A finding that is ${status.replace('_', ' ')} cannot ${findingRuleOf(command).refusedAs}.`);
        }
      }
    });
  });

  it('refuses in the wrong status with the same answer as before', () => {
    expect(outcomeOf(() => inStatus('final').castVote({ panelistId: PANEL[0], verdict: 'not_uphold', now: at(80) })).refused).toMatchObject({
      kind: 'conflict',
      code: FindingErrorCode.WrongStatus,
      message: 'A finding that is final cannot take votes.',
    });
    const f = inStatus('under_appeal');
    expect(f.registerAppeal({ appealId: 'appeal-1', findingId: f.findingId }, at(41)).events).toEqual([]);
  });
});
