import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/**
 * What the disciplinary routes on the investigation (statements, interviews, evidence, case messages) return, described for the OpenAPI document and the web
 * interface's generated types: the use cases' views, nothing added or removed. Where a view is a
 * union, the class lists every field any member of it may carry, each optional, and `kind` says
 * which one it is.
 */

export class SupportPersonResponse {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String, description: 'When the support person is a member.' }) memberId: string | null;
}

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
