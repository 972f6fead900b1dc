import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the disciplinary routes on readmission return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

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
