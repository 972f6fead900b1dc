import { ApiProperty } from '@nestjs/swagger';

/**
 * What the disciplinary routes on pattern matching return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

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
