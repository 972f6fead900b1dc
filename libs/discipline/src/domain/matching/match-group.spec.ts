import fc from 'fast-check';
import { at, expectDomainError } from '../finding/finding.test-fixtures';
import { MatchEvent, MatchGroup, MatchReport } from './match-group.entity';

/**
 * Stands in for `respondentMatchHash` (crypto/, HMAC-SHA256 under the matching key), which the
 * domain does not import: the group only needs equal ids to give equal hashes.
 */
const hashOf = (memberId: string) => `hmac(${memberId.trim().toLowerCase()})`;

const recordOnly = (n: number, optedIn: boolean, respondent = 'member-7f3a'): MatchReport & { respondent: string } => ({
  reportId: `report-${n}`,
  caseId: `case-${n}`,
  kind: 'record_only',
  reporterId: `reporter-${n}`,
  optedIn,
  filedAt: at(n),
  respondent,
});

function fileAll(reports: readonly (MatchReport & { respondent: string })[]): { groups: Map<string, MatchGroup>; events: MatchEvent[] } {
  const groups = new Map<string, MatchGroup>();
  const events: MatchEvent[] = [];
  reports.forEach((r, i) => {
    const hash = hashOf(r.respondent);
    const group = groups.get(hash) ?? MatchGroup.start(hash);
    const { respondent: _ignored, ...report } = r;
    const result = group.addReport(report, at(10 + i));
    groups.set(hash, result.next);
    events.push(...result.events);
  });
  return { groups, events };
}

const toldCount = (events: readonly MatchEvent[], reporterId: string) =>
  events.filter((e) => e.type === 'discipline.matching.reporter_told_of_match' && e.reporterId === reporterId).length;

describe('MatchGroup', () => {
  it('three record-only reports naming one respondent, two opted in: each opted-in reporter is told exactly once, the third never', () => {
    // The same member id written differently still gives the same keyed hash.
    const reports = [recordOnly(1, true, 'member-7f3a'), recordOnly(2, false, ' MEMBER-7F3A '), recordOnly(3, true, 'member-7f3a')];
    const { groups, events } = fileAll(reports);
    expect(groups.size).toBe(1);
    expect(toldCount(events, 'reporter-1')).toBe(1);
    expect(toldCount(events, 'reporter-3')).toBe(1);
    expect(toldCount(events, 'reporter-2')).toBe(0);
    expect(events).toHaveLength(2);
  });

  it('tells each opted-in reporter exactly once whatever the order and however often reports are replayed (property)', () => {
    const base = [recordOnly(1, true), recordOnly(2, false), recordOnly(3, true)];
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 12 }), (order) => {
        const sequence = [...order.map((i) => base[i]), ...base]; // every report at least once
        const { events } = fileAll(sequence);
        expect(toldCount(events, 'reporter-1')).toBe(1);
        expect(toldCount(events, 'reporter-3')).toBe(1);
        expect(toldCount(events, 'reporter-2')).toBe(0);
      }),
    );
  });

  it('tells nobody about a lone report, nor about a second report by the same reporter', () => {
    const one = recordOnly(1, true);
    const again = { ...recordOnly(2, true), reporterId: 'reporter-1' };
    expect(fileAll([one]).events).toEqual([]);
    expect(fileAll([one, again]).events).toEqual([]);
  });

  it('counts a formal complaint about the same person as a match, and links everything for the panel', () => {
    const hash = hashOf('member-7f3a');
    let g = MatchGroup.start(hash).addReport({ ...recordOnly(1, true), respondent: undefined } as never, at(1)).next;
    const { next, events } = g.addReport({ reportId: 'c-9', caseId: 'case-9', kind: 'complaint', reporterId: 'reporter-9', optedIn: false, filedAt: at(2) }, at(2));
    g = next;
    expect(events).toMatchObject([{ type: 'discipline.matching.reporter_told_of_match', reporterId: 'reporter-1', caseId: 'case-1' }]);
    expect(g.linkedReports('case-9').map((r) => r.caseId)).toEqual(['case-1']);
    expect(g.linkedReports('case-1').map((r) => r.caseId)).toEqual(['case-9']);
    expect(g.linkedReports('case-unrelated')).toEqual([]);
  });

  it('keeps different respondents apart', () => {
    const { groups, events } = fileAll([recordOnly(1, true, 'member-a'), recordOnly(2, true, 'member-b')]);
    expect(groups.size).toBe(2);
    expect(events).toEqual([]);
  });

  it('tells a reporter who opts in later, once', () => {
    const { groups } = fileAll([recordOnly(1, false), recordOnly(2, false)]);
    let g = [...groups.values()][0];
    const first = g.setOptIn('report-1', true, at(20));
    expect(first.events).toMatchObject([{ reporterId: 'reporter-1' }]);
    g = first.next.setOptIn('report-1', false, at(21)).next;
    expect(g.setOptIn('report-1', true, at(22)).events).toEqual([]);
  });

  it('refuses opt-in for a complaint', () => {
    expectDomainError(
      () => MatchGroup.start('h').addReport({ reportId: 'c', caseId: 'c', kind: 'complaint', reporterId: 'r', optedIn: true, filedAt: at(1) }, at(1)),
      'discipline.matching.opt_in_record_only',
    );
  });

  it('puts two reporters in touch only when both consent, once', () => {
    const { groups } = fileAll([recordOnly(1, true), recordOnly(2, false), recordOnly(3, true)]);
    let g = [...groups.values()][0];
    expectDomainError(() => g.consentToContact('reporter-2', at(30)), 'discipline.matching.not_matched');
    const one = g.consentToContact('reporter-1', at(30));
    expect(one.events).toEqual([]);
    g = one.next;
    const both = g.consentToContact('reporter-3', at(31));
    expect(both.events).toEqual([{ type: 'discipline.matching.reporters_put_in_touch', reporterIds: ['reporter-1', 'reporter-3'], at: at(31) }]);
    g = both.next;
    expect(g.consentToContact('reporter-3', at(32)).events).toEqual([]);
    expect(g.consentToContact('reporter-1', at(32)).events).toEqual([]);
  });

  it('survives a snapshot round trip without telling anyone again', () => {
    const { groups } = fileAll([recordOnly(1, true), recordOnly(2, true)]);
    const restored = MatchGroup.fromSnapshot([...groups.values()][0].toSnapshot());
    expect(restored.addReport({ ...recordOnly(3, true), respondent: undefined } as never, at(40)).events).toMatchObject([{ reporterId: 'reporter-3' }]);
  });
});
