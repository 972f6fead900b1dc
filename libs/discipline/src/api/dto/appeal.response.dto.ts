import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SanctionResponse } from './finding.response.dto';

/**
 * What the disciplinary routes on appeals return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

const APPEAL_GROUNDS = ['procedural_error', 'new_evidence', 'disproportionate_sanction'];
const APPEAL_OUTCOMES = ['uphold', 'modify_sanction', 'remand'];
const PARTY_ROLES = ['complainant', 'respondent'];

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
