import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, IsString, IsUUID, Length, MaxLength } from 'class-validator';

export class NominateSelfRequest {
  @ApiPropertyOptional({ description: 'Stand on this slate (E2: optional). Never a slate that mixes commission/appeals seats with other bodies (S2).' })
  @IsOptional()
  @IsUUID('all', { message: 'slateId must be a UUID' })
  slateId?: string;

  @ApiPropertyOptional({ description: 'The candidate’s statement.', maxLength: 4000 })
  @IsOptional()
  @IsString()
  @MaxLength(4000)
  statement?: string;
}

export class BodyNominationRequest {
  @ApiProperty({ description: 'The member nominated.' })
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId: string;

  @ApiProperty({ description: 'The nominating body; you must hold a current mandate in it. Refused for commission and appeals seats (S2).' })
  @IsUUID('all', { message: 'bodyId must be a UUID' })
  bodyId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'slateId must be a UUID' })
  slateId?: string;
}

export class CreateSlateRequest {
  @ApiProperty({ example: 'Members First', minLength: 2, maxLength: 120 })
  @IsString()
  @Length(2, 120)
  name: string;
}

export class SlateResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CastBallotRequest {
  @ApiPropertyOptional({ type: [String], description: 'STV: candidate ids, most preferred first.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  ranking?: string[];

  @ApiPropertyOptional({ type: [String], description: 'Plurality (at most one), approval (any), block vote (up to the seats): candidate ids.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  choices?: string[];

  @ApiPropertyOptional({ description: 'Block vote: take this slate (id)…' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  slate?: string;

  @ApiPropertyOptional({ type: [String], description: '…striking these candidate ids from it…' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  struck?: string[];

  @ApiPropertyOptional({ type: [String], description: '…and adding these (panachage), within the number of seats.' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(500)
  @IsString({ each: true })
  @MaxLength(64, { each: true })
  added?: string[];

  @ApiPropertyOptional({ enum: ['yes', 'no', 'abstain'], description: 'Motions and recalls.' })
  @IsOptional()
  @IsIn(['yes', 'no', 'abstain'], { message: 'answer must be yes, no or abstain' })
  answer?: 'yes' | 'no' | 'abstain';
}

export class ReceiptResponse {
  @ApiProperty() electionId: string;
  @ApiProperty({ example: 'K7QX-3M9P-T2WD-8HZA', description: 'Keep it: after the count, find it in the published receipt list. It is not stored with your name, nor with your ballot.' })
  receiptCode: string;
  @ApiProperty({ description: 'True when this answers a retry (same Idempotency-Key) of a ballot already cast.' }) replayed: boolean;
}

export class PublishedCandidateResponse {
  @ApiProperty() number: number;
  @ApiProperty() name: string;
}

export class PublishedSlateResponse {
  @ApiProperty() number: number;
  @ApiProperty() name: string;
  @ApiProperty({ type: [Number] }) candidates: number[];
}

export class PublishedBallotResponse {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Candidate and slate numbers as on the ballot paper: {ranking: [..]} | {choices: [..]} | {slate, struck, added} | {answer}.',
  })
  ballot: Record<string, unknown>;
}

export class BallotListResponse {
  @ApiProperty() electionId: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 committed at the close (see the README for how to recompute it).' }) ballotsHash: string | null;
  @ApiProperty() ballotsCounted: number;
  @ApiProperty() electorateSize: number;
  @ApiProperty({ description: 'False below the minimum electorate: individual ballots are withheld (E3).' }) individualBallotsPublished: boolean;
  @ApiProperty() minimumPublishedElectorate: number;
  @ApiProperty({ type: [PublishedCandidateResponse] }) candidates: PublishedCandidateResponse[];
  @ApiProperty({ type: [PublishedSlateResponse] }) slates: PublishedSlateResponse[];
  @ApiProperty({ type: [PublishedBallotResponse], description: 'In random order, without receipts: the receipt list is published apart (GET /elections/{id}/receipts).' })
  ballots: PublishedBallotResponse[];
}

export class ReceiptListResponse {
  @ApiProperty() electionId: string;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 committed at the close: it covers the ballots and this list.' }) ballotsHash: string | null;
  @ApiProperty({ type: [String], description: 'Every counted ballot\'s receipt code, sorted; nothing here says which ballot a code belongs to.' }) receipts: string[];
}

export class ReceiptCheckResponse {
  @ApiProperty() electionId: string;
  @ApiProperty() receiptCode: string;
  @ApiProperty({ description: 'True when a ballot with this receipt is in the published list.' }) counted: boolean;
}
