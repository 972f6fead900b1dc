import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DeadlineResponse {
  @ApiProperty({ enum: ['triage', 'panel_seated', 'finding', 'interim_measures'] }) kind: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) metAt?: string | null;
  @ApiPropertyOptional() overdue?: boolean;
}

export class FiledComplaintResponse {
  @ApiProperty({ example: 'CC-2026-7K3M-Q9XD', description: 'Your case reference: keep it to follow your case.' }) reference: string;
  @ApiProperty() stage: string;
  @ApiProperty() path: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: [DeadlineResponse] }) deadlines: DeadlineResponse[];
}

export class EscalationResponse {
  @ApiProperty({ enum: ['triage', 'panel_seated', 'finding', 'interim_measures'], description: 'The stage whose deadline was missed.' }) deadline: string;
  @ApiProperty({ format: 'date-time' }) dueAt: string;
  @ApiProperty({ format: 'date-time', description: 'When the whole commission cleared for the case was told.' }) escalatedAt: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, description: 'When the deadline was met after all; null while still missed.' }) metAt: string | null;
  @ApiProperty({ description: 'Whole days past the due date (until now, or until it was met).' }) daysOverdue: number;
}

export class CaseSummaryResponse {
  @ApiProperty() reference: string;
  @ApiProperty({ description: 'Your role in this case (`commission_oversight`: a case escalated to the whole commission after a missed deadline).' }) role: string;
  @ApiProperty({ nullable: true, type: String }) stage: string | null;
  @ApiProperty({ nullable: true, type: String }) path: string | null;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: [DeadlineResponse] }) deadlines: DeadlineResponse[];
  @ApiProperty({ type: [EscalationResponse], description: 'To the commission’s side only (panel, duty commissioner, cleared commissioners): missed deadlines escalated to the commission (S6). Empty for anyone else.' })
  escalations: EscalationResponse[];
}

export class AdHocRequestResponse extends CaseSummaryResponse {
  @ApiProperty() seatsToFill: number;
}

export class PersonResponse {
  @ApiProperty({ nullable: true, type: String }) memberId: string | null;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'For a non-member: the description given.' }) description: string | null;
}

export class PanelSeatResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ nullable: true, type: String }) name: string | null;
  @ApiProperty({ enum: ['commissioner', 'alternate', 'ad_hoc'] }) source: string;
}

export class TimelineEntryResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() kind: string;
  @ApiProperty({ type: [String] }) audience: string[];
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, description: 'Content-free facts: a stage, a path, a count.' }) data?: Record<string, unknown>;
}

export class ReportedPeriodResponse {
  @ApiProperty({ format: 'date' }) from: string;
  @ApiProperty({ nullable: true, type: String, format: 'date', description: 'Last day (inclusive); null for a single day.' }) to: string | null;
}

export class ComplaintFileResponse {
  @ApiProperty({ description: 'Read the file itself with GET /cases/{reference}/evidence/{evidenceId}.' }) evidenceId: string;
  @ApiProperty() fileName: string;
  @ApiProperty() contentType: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256 of the file, hex.' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
}

/**
 * The complaint as the caller's role lets them see it (`scope`). The complainant: all of their own
 * complaint. The respondent, once told of the case: the allegations only — what, where, when, who
 * is named — never the witnesses, the complainant's choices or files, nor how to reach them.
 */
export class ComplaintRecordResponse {
  @ApiProperty({ enum: ['own_complaint', 'allegations', 'triage', 'full_record'] }) scope: string;
  @ApiProperty({ enum: ['record-only', 'informal', 'formal'] }) path: string;
  @ApiProperty({ nullable: true, type: String }) narrative: string | null;
  @ApiProperty({ nullable: true, type: String }) where: string | null;
  @ApiProperty({ nullable: true, type: ReportedPeriodResponse }) when: ReportedPeriodResponse | null;
  @ApiProperty({ type: [PersonResponse] }) respondents: PersonResponse[];
  @ApiProperty({ nullable: true, type: [PersonResponse], description: 'null when your role does not show them.' }) witnesses: PersonResponse[] | null;
  @ApiProperty({ nullable: true, type: PersonResponse }) supportPerson: PersonResponse | null;
  @ApiProperty({ nullable: true, type: Boolean, description: 'The complainant’s choice (S10); null when your role does not show it.' }) matchingOptIn: boolean | null;
  @ApiProperty({ nullable: true, type: [ComplaintFileResponse], description: 'Files the complainant submitted (described, not their content); null when your role does not show them.' })
  attachments: ComplaintFileResponse[] | null;
}

/**
 * A case as the caller's role lets them see it: fields they may not see are null. Content appears
 * for the complainant (their own complaint), the informed respondent (the allegations), the duty
 * commissioner (triage view) and seated panelists (full record); each time it does, the read is
 * written to the audit log.
 */
export class CaseViewResponse extends CaseSummaryResponse {
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: { type: 'boolean' } }) seriousness: Record<string, boolean> | null;
  @ApiProperty({ nullable: true, type: [PanelSeatResponse] }) panel: PanelSeatResponse[] | null;
  @ApiProperty({ nullable: true, type: [TimelineEntryResponse] }) timeline: TimelineEntryResponse[] | null;
  @ApiProperty({ nullable: true, type: ComplaintRecordResponse }) complaint: ComplaintRecordResponse | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'object' } }) interimDecisions: unknown[] | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'object' } }) challenges: unknown[] | null;
  @ApiProperty({ nullable: true, type: 'array', items: { type: 'object' }, description: 'Recorded draws (seed, sorted eligible lists): re-run them to check the panel.' }) draws: unknown[] | null;
  @ApiProperty({ nullable: true, type: 'object', additionalProperties: true }) informalResolution: Record<string, unknown> | null;
}

export class CaseStageResponse {
  @ApiProperty() reference: string;
  @ApiProperty() stage: string;
  @ApiPropertyOptional() path?: string;
}

export class TriageResponse {
  @ApiProperty() reference: string;
  @ApiProperty() stage: string;
  @ApiProperty({ type: [String], description: 'Seated panelists (member ids).' }) panel: string[];
  @ApiProperty({ description: 'Seats the Appeals Committee has been asked to fill.' }) adHocSeatsRequested: number;
}

export class ChallengeResponse {
  @ApiProperty() reference: string;
  @ApiProperty() stage: string;
  @ApiProperty({ type: [String] }) panel: string[];
  @ApiPropertyOptional() challengeId?: string;
  @ApiPropertyOptional() decided?: boolean;
  @ApiProperty({ nullable: true, type: Boolean }) upheld: boolean | null;
}

export class MeasureEnforcementResponse {
  @ApiProperty({ enum: ['suspension_from_office', 'no_hosting', 'no_speaking', 'no_recruiting', 'no_candidacy', 'separation'] }) measure: string;
  @ApiProperty({ description: 'Whether any platform feature refuses something because of this measure.' }) enforced: boolean;
  @ApiProperty({ type: [String], description: 'Where it binds.' }) enforcedBy: readonly string[];
  @ApiProperty({ nullable: true, type: String, description: 'What it does not (yet) cover, in plain words.' }) notCovered: string | null;
}

export class InterimResultResponse {
  @ApiProperty() reference: string;
  @ApiProperty({ nullable: true, type: String, description: 'Set once the decision is recorded and in force.' }) decisionId: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'A panel proposal waiting for a majority.' }) proposalId: string | null;
  @ApiProperty() concurrences: number;
  @ApiProperty() needed: number;
  @ApiProperty({ type: [MeasureEnforcementResponse], description: 'For each kind of measure imposed: whether and where the platform enforces it (S5).' }) enforcement: MeasureEnforcementResponse[];
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A plain warning naming the measures recorded but not enforced by any platform feature (no_recruiting: no recruiting feature exists yet; no_speaking binds congress speakers’ lists, the pre-congress bulletin and branch meetings’ speakers’ lists, and is listed in enforcement); null when every measure imposed is enforced.',
  })
  notEnforced: string | null;
}

export class AdHocNominationResponse {
  @ApiProperty() reference: string;
  @ApiProperty() stage: string;
  @ApiProperty({ type: [String] }) appointed: string[];
  @ApiProperty() seatsStillToFill: number;
}

export class StoodDownResponse {
  @ApiProperty() reference: string;
  @ApiProperty() stoodDown: boolean;
}

export class DeclarationResponse {
  @ApiProperty({ description: 'false when the same declaration was already on record.' }) declared: boolean;
}

export class DirectoryEntryResponse {
  @ApiProperty({ description: 'Opaque: name this person in a complaint with it (PersonRequest.handle). Valid 24 hours, only for the account that searched; never a member id.' }) handle: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) branch: string | null;
}

export class EmailVerificationResponse {
  @ApiProperty() verificationId: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class VerificationTokenResponse {
  @ApiProperty({ description: 'Send it as X-Verification-Token to file and to follow your case.' }) verificationToken: string;
  @ApiProperty({ format: 'date-time' }) expiresAt: string;
}

export class AuditEntryResponse {
  @ApiProperty() seq: number;
  @ApiProperty({ format: 'date-time' }) occurredAt: string;
  @ApiProperty({ nullable: true, type: String }) actorId: string | null;
  @ApiProperty() actorKind: string;
  @ApiProperty() action: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Ids, stages and counts — never content.' }) data: unknown;
}

/** How to reach the Control Commission (S14): shown to everyone, signed in or not. */
export class HowToReportResponse {
  @ApiProperty() title: string;
  @ApiProperty({ type: [String] }) text: string[];
  @ApiProperty({ description: 'How a member or former member files.' }) members: string;
  @ApiProperty({ description: 'How someone who is not a member files.' }) nonMembers: string;
}
