import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SANCTION_KINDS, type SanctionKind } from '@org/kernel';

/**
 * What the disciplinary routes on findings and sanctions return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

const VERDICTS = ['uphold', 'not_uphold'];
const APPEAL_OUTCOMES = ['uphold', 'modify_sanction', 'remand'];

export class SanctionResponse {
  @ApiProperty({ enum: [...SANCTION_KINDS] }) kind: string;
  @ApiPropertyOptional({ format: 'date', description: 'Suspension: the first day the member is no longer suspended.' }) until?: string;
  @ApiPropertyOptional({ description: 'Conditions: the conditions the member must keep.' }) conditions?: string;
  @ApiPropertyOptional({ description: 'Expulsion: the conditions under which readmission may be considered.' }) readmissionConditions?: string;
}

/** One sanction kind with the words members see (`GET /sanction-kinds`): the kernel's list, nothing copied. */
export class SanctionKindResponse {
  @ApiProperty({ enum: [...SANCTION_KINDS] }) kind: SanctionKind;
  @ApiProperty({ description: 'The words members see for it.' }) label: string;
  @ApiProperty({ description: 'What it means, in one sentence.' }) description: string;
  @ApiProperty({ enum: ['until', 'conditions', 'readmissionConditions'], nullable: true, type: String, description: 'The field a panel fills in with it (null: none).' })
  detail: 'until' | 'conditions' | 'readmissionConditions' | null;
}

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
