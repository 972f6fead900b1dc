import { escalateOverdue } from '../deadlines/deadline.policy';
import { caseAccess, canSee, complaintDisclosure, timelineFor } from './case-access.policy';
import { CaseActor } from './case.types';
import { sealedRef } from './identifiers';
import {
  APPEALS,
  RESPONDENT,
  WITNESS,
  at,
  caseWithDuty,
  complainant,
  fileCase,
  recusalFor,
  respondent,
  seatedCase,
  triagedCase,
  witness,
} from './case.test-fixtures';

const role = (c: Parameters<typeof caseAccess>[0], actor: CaseActor) => caseAccess(c, actor).role;

describe('caseAccess (S1, S3, S11): who may see what', () => {
  it('gives officers of the organization nothing at all — the same as for a case that does not exist', () => {
    const { c } = seatedCase();
    const officers: CaseActor[] = [
      { memberId: 'ec-chair' },
      { memberId: 'cc-member' },
      { memberId: 'branch-secretary' },
      { memberId: 'staff-organizer' },
      {},
      { verifiedEmail: 'someone@example.org' },
    ];
    for (const actor of officers) expect(caseAccess(c, actor)).toEqual({ role: 'none', views: [] });
  });

  it('lets the complainant follow their own case from intake: stage, deadlines, their timeline, messages to them', () => {
    const c = fileCase();
    const access = caseAccess(c, complainant);
    expect(access.role).toBe('complainant');
    expect(['stage', 'deadlines', 'own_timeline', 'messages_to_them'].every((v) => canSee(access, v as never))).toBe(true);
    expect(canSee(access, 'full_record')).toBe(false);
    expect(canSee(access, 'audit_trail')).toBe(false);
  });

  it('finds a non-member complainant by the verified email, ignoring case', () => {
    const c = fileCase({ complainant: { kind: 'non_member', email: 'Reporter@Example.org', emailVerifiedAt: at.hours(-1) } });
    expect(role(c, { verifiedEmail: 'reporter@example.ORG' })).toBe('complainant');
    expect(role(c, { verifiedEmail: 'other@example.org' })).toBe('none');
  });

  it('keeps the respondent and witnesses out until the panel begins its work, and out of a record-only report for good', () => {
    const { c, panel } = seatedCase();
    expect(role(c, respondent)).toBe('none');
    expect(role(c, witness)).toBe('none');
    c.beginInvestigation(panel[0], at.days(3));
    expect(caseAccess(c, respondent)).toEqual({
      role: 'respondent',
      views: ['stage', 'deadlines', 'own_timeline', 'messages_to_them', 'panel_membership', 'allegations'],
    });
    expect(caseAccess(c, witness)).toEqual({ role: 'witness', views: ['own_timeline', 'messages_to_them'] });

    const ro = triagedCase({ path: 'record-only' });
    expect(role(ro, respondent)).toBe('none');
  });

  it('gives the seated, non-conflicted panel the full record; other commissioners nothing', () => {
    const { c, panel } = seatedCase();
    for (const p of panel) expect(canSee(caseAccess(c, { memberId: p, isCommissioner: true }), 'full_record')).toBe(true);
    const others = ['c01', 'c02', 'c03', 'c04', 'c05', 'c06', 'c07'].filter((m) => !panel.includes(m) && m !== 'c01');
    for (const m of others) expect(role(c, { memberId: m, isCommissioner: true })).toBe('none');
  });

  it('gives the duty commissioner the triage view until a panel is seated, then nothing', () => {
    const c = caseWithDuty();
    expect(caseAccess(c, { memberId: 'c01', isCommissioner: true })).toEqual({ role: 'duty_commissioner', views: ['stage', 'deadlines', 'triage'] });
    const { c: seated, panel } = seatedCase({}, {}, 'seed-0002-initial');
    expect(panel).not.toContain('c01');
    expect(role(seated, { memberId: 'c01', isCommissioner: true })).toBe('none');
  });

  it('never lets a conflicted commissioner see the case, whatever else they hold', () => {
    const c = fileCase();
    c.recordRecusal(recusalFor(c, { facts: { relationships: [{ a: 'c02', b: RESPONDENT }] } }), at.hours(1));
    c.assignDutyCommissioner('c01', at.hours(1));
    expect(role(c, { memberId: 'c02', isCommissioner: true, isAppealsCommitteeMember: true })).toBe('none');
  });

  it('lets the whole cleared commission follow an escalated case (stage and deadlines), but not a conflicted commissioner', () => {
    const c = caseWithDuty({}, { relationships: [{ a: 'c05', b: RESPONDENT }] });
    expect(role(c, { memberId: 'c03', isCommissioner: true })).toBe('none');
    expect(escalateOverdue(c, at.days(8))).toHaveLength(1); // triage overdue
    expect(caseAccess(c, { memberId: 'c03', isCommissioner: true })).toEqual({ role: 'commission_oversight', views: ['stage', 'deadlines'] });
    expect(role(c, { memberId: 'c05', isCommissioner: true })).toBe('none');
    expect(role(c, { memberId: 'c03' })).toBe('none'); // the mandate is what counts, not the id
  });

  it('gives Appeals Committee members the audit trail only', () => {
    const { c } = seatedCase();
    expect(caseAccess(c, { memberId: APPEALS[0], isAppealsCommitteeMember: true })).toEqual({ role: 'appeals_committee', views: ['audit_trail'] });
  });

  it('gives a support person nothing of their own, and a party their party view even if they hold a mandate', () => {
    const c = fileCase({ supportPerson: { kind: 'member', memberId: 'm-friend' } });
    expect(role(c, { memberId: 'm-friend' })).toBe('none');
    expect(role(c, { memberId: 'm-complainant', isAppealsCommitteeMember: true, isCommissioner: true })).toBe('complainant');
    expect(role(c, { memberId: WITNESS, isAppealsCommitteeMember: true })).toBe('none');
  });
});

describe('timelineFor', () => {
  it('shows each party only their side\u2019s entries, the panel everything, others nothing — and never content', () => {
    const { c, panel } = seatedCase();
    c.beginInvestigation(panel[0], at.days(3));
    c.addParticipant({ memberId: panel[0] }, 'witness', { kind: 'non_member', description: sealedRef('sealed:secret-description') }, at.days(4));
    const forComplainant = timelineFor(c, complainant).map((e) => e.kind);
    const forRespondent = timelineFor(c, respondent).map((e) => e.kind);
    const forPanel = c.timelineFor({ memberId: panel[1] }).map((e) => e.kind);
    expect(forComplainant).toEqual(['ComplaintReceived', 'DutyCommissionerAssigned', 'CaseTriaged', 'PanelSeated', 'InvestigationBegun']);
    expect(forRespondent).toEqual(['ComplaintReceived', 'PanelSeated', 'InvestigationBegun']);
    expect(forPanel).toContain('ParticipantAdded');
    expect(forPanel).toContain('PanelDrawn');
    expect(timelineFor(c, { memberId: 'ec-chair' })).toEqual([]);
    const seated = timelineFor(c, respondent).find((e) => e.kind === 'PanelSeated')!;
    expect(seated.data).toEqual({ panel });
    expect(JSON.stringify(c.state.timeline)).not.toMatch(/sealed:/);
  });

  it('shows the complainant all of their own complaint, and the respondent, once told, only the allegations (S11, S12)', () => {
    const { c, panel } = seatedCase();
    expect(complaintDisclosure(caseAccess(c, complainant))).toEqual({ scope: 'own_complaint', witnessesAndSupportPerson: true, matchingChoice: true, complainantFiles: true });
    expect(complaintDisclosure(caseAccess(c, respondent))).toBeNull();
    c.beginInvestigation(panel[0], at.days(3));
    expect(complaintDisclosure(caseAccess(c, respondent))).toEqual({ scope: 'allegations', witnessesAndSupportPerson: false, matchingChoice: false, complainantFiles: false });
    expect(complaintDisclosure(caseAccess(c, witness))).toBeNull();
    expect(complaintDisclosure(caseAccess(c, { memberId: panel[0], isCommissioner: true }))?.scope).toBe('full_record');
    expect(complaintDisclosure(caseAccess(c, { memberId: 'ec-chair' }))).toBeNull();
    expect(complaintDisclosure(caseAccess(c, { memberId: APPEALS[0], isAppealsCommitteeMember: true }))).toBeNull();
  });
});
