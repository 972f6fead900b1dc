import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateIf } from 'class-validator';
import { ELECTION_METHODS, ELECTION_STATUSES, type CandidacySnapshot, type ElectionMethod, type ElectionMethodDefinition, type ElectionSnapshot } from '../domain';

export class CreateElectionRequest {
  @ApiProperty({ example: 'Control Commission 2026', minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ enum: ['body', 'motion'], description: 'body: fills seats on a body (mandates on certification); motion: yes / no / abstain (motions, recalls).' })
  @IsIn(['body', 'motion'], { message: 'purpose must be body or motion' })
  purpose: 'body' | 'motion';

  @ApiProperty({ enum: ['organization', 'branch', 'congress'], description: 'Who votes: the membership, one branch, or a congress (its accredited delegates).' })
  @IsIn(['organization', 'branch', 'congress'], { message: 'scope must be organization, branch or congress' })
  scope: 'organization' | 'branch' | 'congress';

  @ApiPropertyOptional({ description: 'Required for a branch scope.' })
  @ValidateIf((o: CreateElectionRequest) => o.scope === 'branch' || o.branchId !== undefined)
  @IsUUID('all', { message: 'branchId must be a UUID (required for a branch scope)' })
  branchId?: string;

  @ApiPropertyOptional({ description: 'Required for a congress scope.' })
  @ValidateIf((o: CreateElectionRequest) => o.scope === 'congress' || o.congressId !== undefined)
  @IsUUID('all', { message: 'congressId must be a UUID (required for a congress scope)' })
  congressId?: string;

  @ApiPropertyOptional({ description: 'The body whose seats are filled (required for purpose body; GET /bodies).' })
  @ValidateIf((o: CreateElectionRequest) => o.purpose === 'body' || o.bodyId !== undefined)
  @IsUUID('all', { message: 'bodyId must be a UUID (required for an election to a body)' })
  bodyId?: string;

  @ApiProperty({ minimum: 1, maximum: 500, example: 5 })
  @IsInt({ message: 'seats must be a whole number' })
  @Min(1)
  @Max(500)
  seats: number;

  @ApiProperty({ enum: ELECTION_METHODS, description: 'Multi-seat bodies: scottish-stv (default choice) or meek-stv; also approval, block-vote (slates, panachage), plurality (one seat), motion.' })
  @IsIn(ELECTION_METHODS as unknown as string[], { message: `method must be one of ${ELECTION_METHODS.join(', ')}` })
  method: ElectionMethod;

  @ApiPropertyOptional({ description: 'The motion (purpose motion).', maxLength: 4000 })
  @ValidateIf((o: CreateElectionRequest) => o.purpose === 'motion' || o.motionText !== undefined)
  @IsString()
  @Length(3, 4000)
  motionText?: string;

  @ApiPropertyOptional({ enum: ['simple', 'two-thirds'], description: 'Default simple: more than half of yes + no.' })
  @IsOptional()
  @IsIn(['simple', 'two-thirds'], { message: 'motionThreshold must be simple or two-thirds' })
  motionThreshold?: 'simple' | 'two-thirds';

  @ApiPropertyOptional({
    description:
      'A recall (purpose motion): the mandate the motion would end. If the motion is certified as carried, the mandate ends in the same transaction. A Control Commission or Appeals Committee mandate can be recalled only by a membership-wide ballot (scope organization) or by congress.',
  })
  @IsOptional()
  @IsUUID('all', { message: 'recallMandateId must be a UUID' })
  recallMandateId?: string;

  @ApiPropertyOptional({ description: 'A roll frozen by the membership context (POST /electoral-rolls). Without it, the electorate is frozen here as of electorateAsOf (default today).' })
  @IsOptional()
  @IsUUID('all', { message: 'rollId must be a UUID' })
  rollId?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Freeze date of the electorate when no rollId is given (default today).' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'electorateAsOf must be a date (YYYY-MM-DD)' })
  electorateAsOf?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day of the term of the seats (default: the day of certification).' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'termStartsOn must be a date (YYYY-MM-DD)' })
  termStartsOn?: string;

  @ApiPropertyOptional({ format: 'date', description: 'First day after the term (open-ended when omitted).' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'termEndsOn must be a date (YYYY-MM-DD)' })
  termEndsOn?: string;
}

export class OpenVotingRequest {
  @ApiProperty({ format: 'date-time', description: 'When the poll closes; it cannot be closed earlier.' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be a date-time (ISO 8601)' })
  closesAt: string;
}

export class CloseElectionRequest {
  @ApiPropertyOptional({ description: 'A publicly drawn seed for ties the rules leave to lot; default: the ballot-list hash committed at the close.', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  tieBreakSeed?: string;
}

export class ElectionScopeResponse {
  @ApiProperty({ enum: ['organization', 'branch', 'congress'] }) kind: string;
  @ApiPropertyOptional({ type: String, nullable: true }) branchId?: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) congressId?: string | null;
}

/** One election method, as the registry defines it (`GET /elections/methods`). */
export class ElectionMethodResponse {
  @ApiProperty({ enum: ELECTION_METHODS }) id: ElectionMethod;
  @ApiProperty({ description: 'Short name shown to members.' }) label: string;
  @ApiProperty({ description: 'How it counts, in one sentence.' }) description: string;
  @ApiProperty({ description: 'Ranked ballots: the published BLT file can be recounted with npm run count.' }) ranked: boolean;
  @ApiProperty({ description: 'Fills seats from candidates (false: a yes / no / abstain motion).' }) electsCandidates: boolean;
  @ApiProperty({ description: 'May be chosen for a congress\'s delegate elections.' }) forDelegates: boolean;
}

export const toElectionMethodResponse = (d: ElectionMethodDefinition): ElectionMethodResponse => ({
  id: d.id,
  label: d.label,
  description: d.description,
  ranked: d.ranked,
  electsCandidates: d.electsCandidates,
  forDelegates: d.forDelegates,
});

export class ElectionResponse {
  @ApiProperty() id: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: ['body', 'delegates', 'motion'] }) purpose: string;
  @ApiProperty({ type: ElectionScopeResponse }) scope: ElectionScopeResponse;
  @ApiProperty({ type: String, nullable: true }) congressId: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyId: string | null;
  @ApiProperty({ type: String, nullable: true }) bodyKind: string | null;
  @ApiProperty() seats: number;
  @ApiProperty({ enum: ELECTION_METHODS }) method: string;
  @ApiProperty({ type: String, nullable: true }) motionText: string | null;
  @ApiProperty({ type: String, nullable: true }) motionThreshold: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'A recall: the mandate a carried motion ends.' }) recallMandateId: string | null;
  @ApiProperty({ enum: ELECTION_STATUSES }) status: string;
  @ApiProperty({ description: 'Members on the frozen electorate.' }) electorateSize: number;
  @ApiProperty({ type: String, nullable: true }) termStartsOn: string | null;
  @ApiProperty({ type: String, nullable: true }) termEndsOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) nominationsOpenedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) votingOpenedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) votingClosesAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) certifiedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) publishedAt: string | null;
  @ApiProperty() acclaimed: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'SHA-256 of the ballot list, committed when the poll closed, before the count.' }) ballotsHash: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Seed of ties left to lot, fixed at the close.' }) tieBreakSeed: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Seed the order of the candidates on the ballot paper was drawn from when voting opened (never alphabetical): candidate ids sorted by SHA-256 hex of "commons-ballot-order-v1\\n<seed>\\n<candidate id>" give the ballot numbers. Null before voting opens.',
  })
  ballotOrderSeed: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class CandidateResponse {
  @ApiProperty() id: string;
  @ApiProperty() electionId: string;
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['pending', 'nominated', 'withdrawn'], description: 'pending: waiting for member nominators.' }) status: string;
  @ApiProperty({ enum: ['self', 'body'] }) nominatedBy: string;
  @ApiProperty({ type: String, nullable: true }) nominatingBodyId: string | null;
  @ApiProperty({ type: String, nullable: true }) slateId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Number on the ballot paper (set when voting opens).' }) ballotNumber: number | null;
  @ApiProperty({ type: String, nullable: true }) statement: string | null;
  @ApiProperty({ description: 'Member nominators so far.' }) nominatorCount: number;
}

export class SlateSummaryResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: [String] }) candidateIds: string[];
}

export class ElectionDetailResponse extends ElectionResponse {
  @ApiProperty({ type: [CandidateResponse] }) candidates: CandidateResponse[];
  @ApiProperty({ type: [SlateSummaryResponse] }) slates: SlateSummaryResponse[];
  @ApiProperty() nominatorsRequired: number;
  @ApiProperty({ type: String, nullable: true, format: 'date-time', description: 'E1: the first moment an acclamation is possible.' }) acclamationPossibleFrom: string | null;
  @ApiProperty({ type: Number, nullable: true, description: 'Members who voted (after the close).' }) turnout: number | null;
}

export class SuppressedCountResponse {
  @ApiPropertyOptional({ description: 'The count, when it is at least the threshold.' }) value?: number;
  @ApiPropertyOptional({ description: 'Set instead of value when the count is below the threshold: "fewer than N".' }) fewerThan?: number;
}

export class BranchTurnoutResponse {
  @ApiProperty({ type: String, nullable: true }) branchId: string | null;
  @ApiProperty() branchName: string;
  @ApiProperty({ type: SuppressedCountResponse }) electors: SuppressedCountResponse;
  @ApiProperty({ type: SuppressedCountResponse, description: 'Withheld when the voters, or those who did not vote, are fewer than the threshold.' }) voted: SuppressedCountResponse;
  @ApiProperty({ type: Number, nullable: true, description: 'Percentage, one decimal, only when voted is published.' }) percent: number | null;
}

export class ResultResponse {
  @ApiProperty({ type: ElectionResponse }) election: ElectionResponse;
  @ApiProperty({ type: [BranchTurnoutResponse], description: 'Turnout per branch of the electorate, with small-cell suppression (ELECTIONS_TURNOUT_CELL_MINIMUM); empty for an acclamation.' })
  turnoutByBranch: BranchTurnoutResponse[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The certified result: candidates (ballot order), elected (candidate ids in order of election), electorateSize, participation, ballotsCounted, ballotsHash, seed, quorum, and the counting engine’s round-by-round result (`count.stages`, `count.quota`, `count.tieBreaks`; candidates 0-based in ballot order).',
  })
  result: Record<string, unknown>;
}

export const toElectionResponse = (s: ElectionSnapshot): ElectionResponse => ({
  id: s.id,
  title: s.title,
  purpose: s.purpose,
  scope: { kind: s.scope.kind, branchId: s.scope.kind === 'branch' ? s.scope.branchId : null, congressId: s.scope.kind === 'congress' ? s.scope.congressId : null },
  congressId: s.congressId,
  bodyId: s.bodyId,
  bodyKind: s.bodyKind,
  seats: s.seats,
  method: s.method,
  motionText: s.motionText,
  motionThreshold: s.motionThreshold,
  recallMandateId: s.recallMandateId,
  status: s.status,
  electorateSize: s.electorateSize,
  termStartsOn: s.termStartsOn,
  termEndsOn: s.termEndsOn,
  nominationsOpenedAt: s.nominationsOpenedAt,
  votingOpenedAt: s.votingOpenedAt,
  votingClosesAt: s.votingClosesAt,
  closedAt: s.closedAt,
  certifiedAt: s.certifiedAt,
  publishedAt: s.publishedAt,
  acclaimed: s.acclaimed,
  ballotsHash: s.ballotsHash,
  tieBreakSeed: s.tieBreakSeed,
  ballotOrderSeed: s.ballotOrderSeed,
  createdAt: s.createdAt,
});

export const toCandidateResponse = (c: CandidacySnapshot): CandidateResponse => ({
  id: c.id,
  electionId: c.electionId,
  memberId: c.memberId,
  name: c.displayName,
  status: c.status,
  nominatedBy: c.nominatedBy.kind,
  nominatingBodyId: c.nominatedBy.kind === 'body' ? c.nominatedBy.bodyId : null,
  slateId: c.slateId,
  ballotNumber: c.ballotNumber,
  statement: c.statement,
  nominatorCount: c.nominators.length,
});
