/* Builders shared by the findings' and appeals' domain specs (not used by production code). */
import { DomainError } from '@org/kernel';
import { Finding } from './finding.entity';
import { Sanction } from './sanction.value-object';
import { Timestamp, addDays } from './time';

export const T0: Timestamp = '2026-03-02T09:00:00.000Z';
export const at = (days: number, hours = 0): Timestamp => new Date(Date.parse(T0) + days * 86_400_000 + hours * 3_600_000).toISOString();

export const COMPLAINANT = 'member-complainant-alice';
export const RESPONDENT = 'member-respondent-bob';
export const PANEL = ['cc-1', 'cc-2', 'cc-3'] as const;

/** Asserts that `fn` throws a DomainError with this code (and returns it for more checks). */
export function expectDomainError(fn: () => unknown, code: string): DomainError {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof DomainError)) throw new Error(`expected DomainError ${code}, got ${String(e)}`);
    if (e.code !== code) throw new Error(`expected DomainError ${code}, got ${e.code}: ${e.message}`);
    return e;
  }
  throw new Error(`expected DomainError ${code}, but nothing was thrown`);
}

export function openFinding(overrides: Partial<Parameters<typeof Finding.open>[0]> = {}): Finding {
  return Finding.open({
    findingId: 'finding-1',
    caseId: 'case-1',
    respondentId: RESPONDENT,
    complainantIds: [COMPLAINANT],
    panelistIds: [...PANEL],
    now: T0,
    ...overrides,
  });
}

export type VoteSpec = { verdict: 'uphold'; sanction: Sanction } | { verdict: 'not_uphold' };

/** A finding decided by these votes (one per panelist, in order) and notified to the parties. */
export function notifiedFinding(votes: readonly VoteSpec[], options: { panel?: readonly string[]; rule?: string; reasons?: string } = {}): Finding {
  const panel = options.panel ?? PANEL;
  let f = openFinding({ panelistIds: [...panel] });
  votes.forEach((v, i) => {
    f = f.castVote({
      panelistId: panel[i],
      verdict: v.verdict,
      proposedSanction: v.verdict === 'uphold' ? v.sanction : undefined,
      now: at(20),
    }).next;
  });
  f = f.decide({ rule: options.rule ?? 'Code of conduct §4 (harassment)', reasons: options.reasons ?? 'Reasons written by the panel.', now: at(30) }).next;
  return f.notifyParties(at(31)).next;
}

/** A finding that became final because nobody appealed within the window. */
export function finalFinding(votes: readonly VoteSpec[], options: { rule?: string; reasons?: string } = {}): Finding {
  const f = notifiedFinding(votes, options);
  return f.finalizeIfAppealWindowPassed(addDays(at(31), 30)).next;
}

export const SUSPENSION: Sanction = { kind: 'suspension', until: '2027-01-01' };
export const EXPULSION: Sanction = { kind: 'expulsion', readmissionConditions: 'Complete a restorative programme.' };
export const WARNING: Sanction = { kind: 'warning' };
