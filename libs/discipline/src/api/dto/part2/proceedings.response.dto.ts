import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SANCTION_KINDS } from '@org/kernel';

/**
 * What the proceedings' routes return (part 2), described for the OpenAPI document and the web
 * interface's generated types. These classes describe the use cases' views; they add and remove
 * nothing. Where a view is a union (a sanction, a report cell), the class lists every field any
 * member of the union may carry, each marked optional, and `kind` says which one it is.
 */

const VERDICTS = ['uphold', 'not_uphold'];
const APPEAL_GROUNDS = ['procedural_error', 'new_evidence', 'disproportionate_sanction'];
const APPEAL_OUTCOMES = ['uphold', 'modify_sanction', 'remand'];
const PARTY_ROLES = ['complainant', 'respondent'];

// ── shared ──────────────────────────────────────────────────────────────────────────────────

export class SanctionResponse {
  @ApiProperty({ enum: [...SANCTION_KINDS] }) kind: string;
  @ApiPropertyOptional({ format: 'date', description: 'Suspension: the first day the member is no longer suspended.' }) until?: string;
  @ApiPropertyOptional({ description: 'Conditions: the conditions the member must keep.' }) conditions?: string;
  @ApiPropertyOptional({ description: 'Expulsion: the conditions under which readmission may be considered.' }) readmissionConditions?: string;
}

export class SupportPersonResponse {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the support person is a member.' }) memberId: string | null;
}

// ── statements (S12) ────────────────────────────────────────────────────────────────────────

export class StatementIdResponse {
  @ApiProperty({ description: 'The statement to reuse: a statement is given once.' }) statementId: string;
  @ApiProperty({ required: false, enum: ['requested', 'awaiting_approval', 'given'], description: 'When given or recorded: `awaiting_approval` until the person approves words the panel wrote down.' }) status?: string;
}

export class StatementAddendumResponse {
  @ApiProperty() addendumId: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) addedAt: string;
}

export class AddendumQuestionsResponse {
  @ApiProperty() requestId: string;
  @ApiProperty({ type: [String] }) questions: string[];
  @ApiProperty({ format: 'date-time' }) requestedAt: string;
  @ApiProperty() requestedBy: string;
  @ApiProperty({ nullable: true, type: String, description: 'The addendum that answered them.' }) answeredBy: string | null;
}

export class AddendumRequestIdResponse {
  @ApiProperty() requestId: string;
}

export class StatementResponse {
  @ApiProperty() statementId: string;
  @ApiProperty({ description: 'A member id, or email:<address> for a non-member complainant.' }) personId: string;
  @ApiProperty({ enum: ['complainant', 'respondent', 'witness'] }) role: string;
  @ApiProperty({ enum: ['requested', 'awaiting_approval', 'given'], description: '`awaiting_approval`: written down by the panel from an interview; not the person’s statement until they approve the words.' }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) requestedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) requestedBy: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Null while requested, and for the complaint (its text is the complaint as filed, in the case view).' }) text: string | null;
  @ApiProperty({ nullable: true, type: String, enum: ['written', 'interview', 'complaint'] }) source: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) givenAt: string | null;
  @ApiProperty({ nullable: true, type: String }) recordedBy: string | null;
  @ApiProperty({ nullable: true, type: SupportPersonResponse }) supportPerson: SupportPersonResponse | null;
  @ApiProperty({ type: [StatementAddendumResponse], description: 'Added by the person themself; the statement is never rewritten.' }) addenda: StatementAddendumResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'For a statement taken at an interview: that interview.' }) interviewId: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the person approved the words written down from their interview.' }) approvedAt: string | null;
  @ApiProperty({ type: [AddendumQuestionsResponse], description: 'The panel’s specific questions about the statement (S12).' }) addendumRequests: AddendumQuestionsResponse[];
}

// ── interviews (S12) ────────────────────────────────────────────────────────────────────────

export class InterviewResponse {
  @ApiProperty() interviewId: string;
  @ApiProperty() caseId: string;
  @ApiProperty({ description: 'The person interviewed (party or witness).' }) personId: string;
  @ApiProperty({ format: 'date-time' }) scheduledFor: string;
  @ApiProperty({ type: [String], description: 'Stated to the person in advance; nothing else is asked.' }) topics: string[];
  @ApiProperty({ format: 'date-time' }) topicsStatedAt: string;
  @ApiProperty() noticeHours: number;
  @ApiProperty({ nullable: true, type: SupportPersonResponse }) supportPerson: SupportPersonResponse | null;
  @ApiProperty({ enum: ['scheduled', 'held', 'cancelled'] }) status: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) heldAt: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) supportPersonAttended: boolean | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) cancelledAt: string | null;
  @ApiProperty({ nullable: true, type: String }) cancellationReason: string | null;
  @ApiProperty() scheduledBy: string;
}

// ── evidence ────────────────────────────────────────────────────────────────────────────────

export class EvidenceResponse {
  @ApiProperty() evidenceId: string;
  @ApiProperty() caseId: string;
  @ApiProperty() submittedBy: string;
  @ApiProperty() fileName: string;
  @ApiProperty({ description: 'The type recognised from the bytes (never the uploader’s claim).' }) contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the file, hex.' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

export class EvidenceContentResponse extends EvidenceResponse {
  @ApiProperty({ description: 'The file, base64-encoded.' }) contentBase64: string;
}

// ── case messages (S7) ──────────────────────────────────────────────────────────────────────

export class MessageAudienceResponse {
  @ApiProperty({ enum: ['panel', 'participant', 'all_parties'] }) kind: string;
  @ApiPropertyOptional({ description: 'For "participant": the person written to.' }) personId?: string;
}

export class CaseMessageResponse {
  @ApiProperty() messageId: string;
  @ApiProperty() senderId: string;
  @ApiProperty({ enum: ['panel', 'complainant', 'respondent', 'witness', 'officer'] }) senderRole: string;
  @ApiProperty({ type: MessageAudienceResponse }) audience: MessageAudienceResponse;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) sentAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) disclosedToPartiesAt: string | null;
}

export class MessageReceiptResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null for an officer with no part in the case (the answer is the same whether the case exists or not).' })
  messageId: string | null;
  @ApiProperty() receipt: string;
  @ApiProperty({ enum: ['case_record'], description: 'Messages about a case always go on its record.' }) recordedOn: 'case_record';
  @ApiProperty({
    enum: ['panel_only', 'panel_and_parties', 'panel_and_one_person'],
    description: 'Who reads the message now. An officer’s message is always read by every party; a party’s message to the panel is the panel’s until it shares it.',
  })
  visibleTo: 'panel_only' | 'panel_and_parties' | 'panel_and_one_person';
  @ApiProperty({ description: 'True when the message was not delivered as addressed (an officer writing about a case: it goes on the case record the parties read).' }) readdressed: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'What happened to the message and why, when `readdressed`.' }) notice: string | null;
}

// ── matching (S10) ──────────────────────────────────────────────────────────────────────────

export class MatchingIntroductionResponse {
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String }) email: string | null;
  @ApiProperty({ format: 'date-time' }) at: string;
}

export class MatchingStatusResponse {
  @ApiProperty() recordOnly: boolean;
  @ApiProperty() optedIn: boolean;
  @ApiProperty({ description: 'Another report names the same person (told once).' }) toldOfMatch: boolean;
  @ApiProperty() consentedToContact: boolean;
  @ApiProperty({ type: [MatchingIntroductionResponse], description: 'Reporters who also consented, and how to reach them.' }) introductions: MatchingIntroductionResponse[];
}

export class LinkedReportResponse {
  @ApiProperty({ nullable: true, type: String }) reference: string | null;
  @ApiProperty({ enum: ['complaint', 'record_only'] }) kind: string;
  @ApiProperty({ format: 'date-time' }) filedAt: string;
}

// ── findings (S7) ───────────────────────────────────────────────────────────────────────────

export class FindingOpenedResponse {
  @ApiProperty() findingId: string;
}

export class VoteRecordedResponse {
  @ApiProperty({ description: 'Panelists who have not voted yet.' }) outstanding: number;
}

export class FindingVoteResponse {
  @ApiProperty() panelistId: string;
  @ApiProperty({ enum: VERDICTS }) verdict: string;
  @ApiProperty({ type: SanctionResponse }) proposedSanction: SanctionResponse;
  @ApiProperty({ format: 'date-time' }) castAt: string;
}

export class FindingVoteCountsResponse {
  @ApiProperty() uphold: number;
  @ApiProperty() notUphold: number;
}

export class FindingDecisionResponse {
  @ApiProperty() upheld: boolean;
  @ApiProperty({ description: 'e.g. "2–1".' }) voteCount: string;
  @ApiProperty({ type: FindingVoteCountsResponse }) counts: FindingVoteCountsResponse;
  @ApiProperty({ type: SanctionResponse }) sanction: SanctionResponse;
  @ApiProperty() rule: string;
  @ApiProperty({ description: 'The written reasons (seen by the parties, never published).' }) reasons: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class FindingResponse {
  @ApiProperty() findingId: string;
  @ApiProperty() respondentId: string;
  @ApiProperty({ enum: ['deliberating', 'decided', 'notified', 'under_appeal', 'final', 'set_aside'] }) status: string;
  @ApiProperty({ nullable: true, type: String, description: 'After a remand: the finding set aside.' }) remandOf: string | null;
  @ApiProperty({ type: [String] }) panelistIds: string[];
  @ApiPropertyOptional({ type: [FindingVoteResponse], description: 'The panels only: the individual votes.' }) votes?: FindingVoteResponse[];
  @ApiPropertyOptional({ type: [String], description: 'The panels only: who has not voted yet.' }) outstandingVoters?: string[];
  @ApiProperty({ nullable: true, type: FindingDecisionResponse }) decision: FindingDecisionResponse | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) appealDeadline: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) finalAt: string | null;
  @ApiProperty({ nullable: true, type: SanctionResponse }) finalSanction: SanctionResponse | null;
  @ApiProperty({ nullable: true, type: String, enum: APPEAL_OUTCOMES }) appealOutcome: string | null;
}

// ── appeals (S7) ────────────────────────────────────────────────────────────────────────────

export class AppealGroundResponse {
  @ApiProperty({ enum: APPEAL_GROUNDS }) ground: string;
  @ApiProperty() text: string;
}

export class AppellantResponse {
  @ApiProperty() personId: string;
  @ApiProperty({ enum: PARTY_ROLES }) role: string;
  @ApiProperty({ type: [AppealGroundResponse] }) grounds: AppealGroundResponse[];
  @ApiProperty({ format: 'date-time' }) lodgedAt: string;
}

export class AppealVoteCountsResponse {
  @ApiProperty({ description: 'Members who voted for the decision reached (same outcome; for modify_sanction, same sanction). Computed from the votes.' }) inFavour: number;
  @ApiProperty({ description: 'Members who voted for anything else.' }) against: number;
  @ApiProperty({ description: 'Members who had not voted when the majority was reached.' }) notVoted: number;
}

export class AppealVoteResponse {
  @ApiProperty() panelistId: string;
  @ApiProperty({ enum: APPEAL_OUTCOMES }) outcome: string;
  @ApiProperty({ nullable: true, type: SanctionResponse, description: 'The proposed new sanction, for modify_sanction.' }) sanction: SanctionResponse | null;
  @ApiProperty({ description: 'The member’s own reasons.' }) reasons: string;
  @ApiProperty({ format: 'date-time' }) castAt: string;
}

export class AppealDecisionResponse {
  @ApiProperty({ enum: APPEAL_OUTCOMES }) outcome: string;
  @ApiProperty({ nullable: true, type: SanctionResponse, description: 'The new sanction for modify_sanction.' }) sanction: SanctionResponse | null;
  @ApiProperty({ description: 'The reasons of the members in the majority, in the order they voted.' }) reasons: string;
  @ApiProperty({ type: AppealVoteCountsResponse }) counts: AppealVoteCountsResponse;
  @ApiProperty({ description: '"2–1": for the decision – for anything else.' }) voteCount: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class AppealAdHocPanelResponse {
  @ApiProperty({ type: [String], description: 'The Appeals Committee members drawn (cleared for the case), who appoint the missing members.' }) committee: string[];
  @ApiProperty({ description: 'Seats the draw could not fill.' }) seatsToFill: number;
  @ApiProperty({ type: [String], description: 'Members appointed so far, by a majority of the committee.' }) appointed: string[];
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When the last seat was filled and the panel seated.' }) completedAt: string | null;
}

export class AppealResponse {
  @ApiProperty() appealId: string;
  @ApiProperty() findingId: string;
  @ApiProperty({ enum: ['lodged', 'panel_seated', 'decided'] }) status: string;
  @ApiProperty({ type: [AppellantResponse] }) appellants: AppellantResponse[];
  @ApiProperty({ type: [String] }) appealsPanelIds: string[];
  @ApiProperty({ description: 'Seats the draw could not fill from the Appeals Committee.' }) panelShortfall: number;
  @ApiProperty({ nullable: true, type: AppealAdHocPanelResponse, description: 'When the draw fell short (S3): how the panel is being completed.' }) adHoc: AppealAdHocPanelResponse | null;
  @ApiProperty({ nullable: true, type: AppealDecisionResponse, description: 'Reached when a strict majority of the appeals panel voted for the same outcome (and sanction).' }) decision: AppealDecisionResponse | null;
  @ApiPropertyOptional({ type: [AppealVoteResponse], description: 'To the members of the appeals panel only: each member’s vote.' }) votes?: AppealVoteResponse[];
  @ApiPropertyOptional({ type: [String], description: 'To the members of the appeals panel only: who has not voted yet.' }) outstandingVoters?: string[];
  @ApiProperty({ nullable: true, type: String, description: 'After a remand: the new finding.' }) remandFindingId: string | null;
}

// ── outcome notices (S8) ────────────────────────────────────────────────────────────────────

export class PublicationDelayResponse {
  @ApiProperty({ format: 'date-time' }) until: string;
  @ApiProperty() reason: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
}

export class OutcomeNoticeDraftResponse {
  @ApiProperty() noticeId: string;
  @ApiProperty({ enum: ['draft', 'complainant_review', 'scheduled', 'published'] }) status: string;
  @ApiProperty() text: string;
  @ApiProperty({ format: 'date-time' }) reviewEndsAt: string;
  @ApiProperty({ format: 'date-time' }) publishAt: string;
  @ApiProperty({ nullable: true, type: PublicationDelayResponse }) delay: PublicationDelayResponse | null;
}

export class NoticeSanctionResponse {
  @ApiProperty({ enum: [...SANCTION_KINDS] }) kind: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'For a suspension: the first day the member is no longer suspended.' }) suspendedUntil: string | null;
}

export class OutcomeFactsResponse {
  @ApiProperty({ nullable: true, type: String, description: 'null when the statutes do not name the respondent for this outcome.' }) respondentName: string | null;
  @ApiProperty() rule: string;
  @ApiProperty() upheld: boolean;
  @ApiProperty({ type: NoticeSanctionResponse }) sanction: NoticeSanctionResponse;
  @ApiProperty({ nullable: true, type: NoticeSanctionResponse, description: 'When the Appeals Committee modified the sanction: the panel’s own.' }) panelSanction: NoticeSanctionResponse | null;
  @ApiProperty({ format: 'date' }) decidedOn: string;
  @ApiProperty({ format: 'date' }) finalOn: string;
  @ApiProperty({ type: FindingVoteCountsResponse }) panelVote: FindingVoteCountsResponse;
  @ApiProperty({ nullable: true, type: String, enum: ['uphold', 'modify_sanction'] }) appealOutcome: string | null;
}

export class PublishedOutcomeResponse {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
  @ApiProperty({ type: OutcomeFactsResponse }) facts: OutcomeFactsResponse;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: Number, description: 'Members the notice was sent to.' }) recipients: number | null;
}

export class PublishedOutcomePageResponse {
  @ApiProperty({ type: [PublishedOutcomeResponse] }) items: PublishedOutcomeResponse[];
  @ApiProperty({ nullable: true, type: String, description: 'Pass as cursor for the next page; null on the last page.' }) nextCursor: string | null;
}

// ── transparency report (S6, S8) ────────────────────────────────────────────────────────────

export class ReportCellResponse {
  @ApiProperty({ enum: ['count', 'small', 'withheld'], description: 'count: the number is shown; small: 1 to threshold−1; withheld: not shown.' }) kind: string;
  @ApiPropertyOptional({ description: 'Only when kind is count.' }) value?: number;
  @ApiProperty({ description: 'What to show: the number, "<3", or "withheld".' }) display: string;
}

export class MedianCellResponse {
  @ApiProperty({ enum: ['days', 'withheld'] }) kind: string;
  @ApiPropertyOptional({ description: 'Only when kind is days.' }) value?: number;
  @ApiProperty() display: string;
}

export class ReportPeriodResponse {
  @ApiProperty({ format: 'date-time', description: 'Inclusive.' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' }) to: string;
}

export class CellsByPathResponse {
  @ApiProperty({ type: ReportCellResponse }) record_only: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) informal: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) formal: ReportCellResponse;
}

export class CellsByStageResponse {
  @ApiProperty({ type: ReportCellResponse }) received: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) triaged: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) panel_seated: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) investigating: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) decided: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) under_appeal: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) final: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) published: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) closed_record_only: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) resolved_informally: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) withdrawn: ReportCellResponse;
}

export class ComplaintsReceivedResponse {
  @ApiProperty({ type: ReportCellResponse }) total: ReportCellResponse;
  @ApiProperty({ type: CellsByPathResponse }) byPath: CellsByPathResponse;
  @ApiProperty({ type: CellsByStageResponse }) byStage: CellsByStageResponse;
}

export class CellsByRecusalKindResponse {
  @ApiProperty({ type: ReportCellResponse }) automatic: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) self: ReportCellResponse;
}

export class RecusalCountsResponse {
  @ApiProperty({ type: ReportCellResponse }) total: ReportCellResponse;
  @ApiProperty({ type: CellsByRecusalKindResponse }) by: CellsByRecusalKindResponse;
}

export class CellsByChallengeResultResponse {
  @ApiProperty({ type: ReportCellResponse }) upheld: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) rejected: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) pending: ReportCellResponse;
}

export class ChallengeCountsResponse {
  @ApiProperty({ type: ReportCellResponse }) total: ReportCellResponse;
  @ApiProperty({ type: CellsByChallengeResultResponse }) by: CellsByChallengeResultResponse;
}

export class CellsBySanctionResponse {
  @ApiProperty({ type: ReportCellResponse }) no_finding: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) warning: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) conditions: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) suspension: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) expulsion: ReportCellResponse;
}

export class OutcomeCountsResponse {
  @ApiProperty({ type: ReportCellResponse }) total: ReportCellResponse;
  @ApiProperty({ type: CellsBySanctionResponse }) by: CellsBySanctionResponse;
}

export class CellsByAppealResultResponse {
  @ApiProperty({ type: ReportCellResponse }) uphold: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) modify_sanction: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) remand: ReportCellResponse;
  @ApiProperty({ type: ReportCellResponse }) pending: ReportCellResponse;
}

export class AppealCountsResponse {
  @ApiProperty({ type: ReportCellResponse }) total: ReportCellResponse;
  @ApiProperty({ type: CellsByAppealResultResponse }) by: CellsByAppealResultResponse;
}

export class TransparencyReportResponse {
  @ApiProperty({ type: ReportPeriodResponse }) period: ReportPeriodResponse;
  @ApiProperty({ description: 'Smallest count shown as a number.' }) threshold: number;
  @ApiProperty({ type: ComplaintsReceivedResponse, description: 'Complaints and record-only reports received in the period, by path and by current stage.' })
  complaintsReceived: ComplaintsReceivedResponse;
  @ApiProperty({ type: MedianCellResponse, description: 'Median days from receipt to the panel’s finding, over findings decided in the period.' }) medianDaysToFinding: MedianCellResponse;
  @ApiProperty({ type: ReportCellResponse, description: 'Cases with a stage deadline that fell due in the period and was missed.' }) overdueCases: ReportCellResponse;
  @ApiProperty({ type: RecusalCountsResponse }) recusals: RecusalCountsResponse;
  @ApiProperty({ type: ChallengeCountsResponse }) challenges: ChallengeCountsResponse;
  @ApiProperty({ type: OutcomeCountsResponse, description: 'Findings that became final in the period, by the sanction in force.' }) outcomes: OutcomeCountsResponse;
  @ApiProperty({ type: AppealCountsResponse, description: 'Appeals lodged in the period, by result.' }) appeals: AppealCountsResponse;
  @ApiProperty({ type: [String] }) notes: string[];
}

export class PublishedTransparencyReportResponse extends TransparencyReportResponse {
  @ApiProperty({ description: 'The period, e.g. 2026-Q1.' }) periodId: string;
  @ApiProperty({ enum: ['month', 'quarter', 'half-year', 'year'] }) periodKind: string;
  @ApiProperty({ format: 'date-time', description: 'When the figures were computed and frozen (after the period closed and the lag passed).' }) publishedAt: string;
}

export class PublishedPeriodResponse {
  @ApiProperty() periodId: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time', description: 'Exclusive.' }) to: string;
  @ApiProperty({ format: 'date-time' }) publishedAt: string;
}

export class NextPublicationResponse {
  @ApiProperty() periodId: string;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ format: 'date' }) publishesOn: string;
}

export class TransparencyReportIndexResponse {
  @ApiProperty({ enum: ['month', 'quarter', 'half-year', 'year'], description: 'The statutes’ reporting period (DISCIPLINE_TRANSPARENCY_PERIOD).' }) periodKind: string;
  @ApiProperty({ description: 'Days after a period ends before its report is computed and published (DISCIPLINE_TRANSPARENCY_LAG_DAYS).' }) publicationLagDays: number;
  @ApiProperty({ type: [PublishedPeriodResponse], description: 'Every published period, newest first.' }) periods: PublishedPeriodResponse[];
  @ApiProperty({ type: NextPublicationResponse }) nextPublication: NextPublicationResponse;
  @ApiProperty({ type: PublishedTransparencyReportResponse, nullable: true, description: 'The period asked for, or the latest published; null before the first publication.' })
  report: PublishedTransparencyReportResponse | null;
}

// ── readmission (S9) ────────────────────────────────────────────────────────────────────────

export class ExpulsionComplainantResponse {
  @ApiProperty() personId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
}

export class ExpulsionResponse {
  @ApiProperty() findingId: string;
  @ApiProperty({ format: 'date-time' }) finalAt: string;
  @ApiProperty({ type: [ExpulsionComplainantResponse] }) complainants: ExpulsionComplainantResponse[];
}

export class ContactAttemptResponse {
  @ApiProperty({ format: 'date' }) on: string;
  @ApiProperty({ enum: ['email', 'phone', 'post', 'in_person', 'other'] }) channel: string;
}

export class ConsultationResponse {
  @ApiProperty({ enum: ['consulted', 'unreachable'] }) kind: string;
  @ApiProperty() complainantId: string;
  @ApiPropertyOptional({ format: 'date', description: 'consulted: when.' }) consultedOn?: string;
  @ApiPropertyOptional({ description: 'consulted: their view, as they gave it.' }) view?: string;
  @ApiPropertyOptional({ type: [ContactAttemptResponse], description: 'unreachable: each attempt to reach them.' }) attempts?: ContactAttemptResponse[];
}

export class ReadmissionDecisionResponse {
  @ApiProperty() decisionId: string;
  @ApiProperty() memberId: string;
  @ApiProperty() expulsionFindingId: string;
  @ApiProperty({ enum: ['readmit', 'refuse'] }) outcome: string;
  @ApiProperty({ type: [ConsultationResponse] }) consultations: ConsultationResponse[];
  @ApiProperty() conditionsAssessment: string;
  @ApiProperty() reasons: string;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty() decidedBy: string;
}

export class ReadmissionFileResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ description: 'Whether a rejoin application is refused today.' }) readmissionRequired: boolean;
  @ApiProperty({ type: [ExpulsionResponse] }) expulsions: ExpulsionResponse[];
  @ApiProperty({ type: [ReadmissionDecisionResponse] }) decisions: ReadmissionDecisionResponse[];
}
