import { ApiProperty } from '@nestjs/swagger';
import { SANCTION_KINDS } from '@org/kernel';
import { FindingVoteCountsResponse } from './finding.response.dto';

/**
 * What the disciplinary routes on outcome notices and published outcomes return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

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
