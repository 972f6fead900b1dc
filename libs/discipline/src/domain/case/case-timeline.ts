import { CaseEvent } from './case.events';
import { TimelineAudience, TimelineEntry } from './case.types';

/** Who sees each kind of event on the case's timeline (entries never carry content). */
export const TIMELINE_AUDIENCE: Partial<Record<CaseEvent['type'], readonly TimelineAudience[]>> = {
  ComplaintReceived: ['complainant', 'respondent', 'panel'],
  DutyCommissionerAssigned: ['complainant'],
  CaseTriaged: ['complainant', 'panel'],
  CaseClosedRecordOnly: ['complainant'],
  CaseReopened: ['complainant', 'panel'],
  PathChanged: ['complainant', 'respondent', 'panel'],
  ParticipantAdded: ['panel'],
  PanelDrawn: ['panel'],
  AdHocPanelRequested: ['complainant', 'panel'],
  PanelSeated: ['complainant', 'respondent', 'panel'],
  PanelistSeated: ['complainant', 'respondent', 'panel'],
  PanelSeatVacated: ['complainant', 'respondent', 'panel'],
  ChallengeVoteCast: ['panel'],
  InvestigationBegun: ['complainant', 'respondent', 'panel'],
  InterimDecisionRecorded: ['complainant', 'respondent', 'panel'],
  InterimMeasuresEnded: ['complainant', 'respondent', 'panel'],
  InformalResolutionProposed: ['complainant', 'panel'],
  CaseResolvedInformally: ['complainant', 'respondent', 'panel'],
  CaseWithdrawn: ['complainant', 'respondent', 'panel'],
  CaseStageAdvanced: ['complainant', 'respondent', 'panel'],
  DeadlineEscalated: ['complainant', 'panel'],
};

/** Timeline facts safe to show to the audience (ids of panelists, stages, paths, counts). */
export function timelineData(e: CaseEvent): TimelineEntry['data'] {
  switch (e.type) {
    case 'ComplaintReceived':
      return { path: e.path };
    case 'CaseTriaged':
      return { serious: e.serious };
    case 'PathChanged':
      return { from: e.from, to: e.to };
    case 'CaseReopened':
      return { path: e.path };
    case 'ParticipantAdded':
      return { role: e.role };
    case 'PanelSeated':
      return { panel: e.panel };
    case 'PanelistSeated':
    case 'PanelSeatVacated':
      return { memberId: e.memberId };
    case 'AdHocPanelRequested':
      return { seatsToFill: e.seatsToFill };
    case 'PanelistChallenged':
      return { panelistId: e.panelistId };
    case 'ChallengeDecided':
      return { panelistId: e.panelistId, upheld: e.upheld, votesToUphold: e.votesToUphold, votesToReject: e.votesToReject };
    case 'InterimDecisionRecorded':
      return { outcome: e.outcome };
    case 'CaseStageAdvanced':
      return { stage: e.stage };
    case 'DeadlineEscalated':
      return { deadline: e.deadline, dueAt: e.dueAt };
    default:
      return undefined;
  }
}
