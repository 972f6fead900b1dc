import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the disciplinary routes on the transparency report return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

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
