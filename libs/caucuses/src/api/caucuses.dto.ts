import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsInt, IsString, Length, Max, Min } from 'class-validator';
import type { CaucusView, RosterView } from '../application/use-cases/caucuses.use-case';
import type { PostView, VoteView } from '../application/use-cases/caucus-discussion.use-case';

export class ProposeCaucusRequest {
  @ApiProperty({ example: 'Survivors’ caucus', minLength: 1, maxLength: 120, description: 'The caucus’s public name: everyone sees it.' })
  @IsString()
  @Length(1, 120)
  name: string;

  @ApiProperty({ minLength: 1, maxLength: 2000, description: 'Its public purpose: everyone sees it.' })
  @IsString()
  @Length(1, 2000)
  purpose: string;
}

export class CaucusPostRequest {
  @ApiProperty({ minLength: 1, maxLength: 10000 })
  @IsString()
  @Length(1, 10000)
  body: string;
}

export class OpenCaucusVoteRequest {
  @ApiProperty({ minLength: 1, maxLength: 500 })
  @IsString()
  @Length(1, 500)
  question: string;

  @ApiProperty({ type: [String], minItems: 2, maxItems: 20, description: 'The options, each 1 to 200 characters.' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 200, { each: true })
  options: string[];
}

export class CastCaucusVoteRequest {
  @ApiProperty({ minimum: 0, maximum: 19, description: 'The index of the chosen option (0 for the first).' })
  @IsInt()
  @Min(0)
  @Max(19)
  option: number;
}

export class CaucusCountResponse {
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'How many belong, when you may know it exactly (always, to its members).' })
  exact: number | null;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Otherwise: fewer than this many belong (the organization’s floor for small counts).' })
  fewerThan: number | null;
}

export class CaucusResponse {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() purpose: string;
  @ApiProperty({ enum: ['forming', 'formed'], description: 'forming: collecting signatures on its formation request; formed: the threshold was reached.' }) stage: string;
  @ApiProperty({ description: 'Signatures it needed (needs) to form.' }) threshold: number;
  @ApiProperty({ type: CaucusCountResponse, description: 'The count only — never who.' }) count: CaucusCountResponse;
  @ApiProperty({ description: 'Whether you belong to it (or signed its formation request).' }) youBelong: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) formedAt: string | null;
}

export class CaucusRosterMemberResponse {
  @ApiProperty() memberId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'false: no longer a member of the organization.' }) current: boolean;
  @ApiProperty({ format: 'date-time' }) joinedAt: string;
}

export class CaucusRosterResponse {
  @ApiProperty({ type: CaucusResponse }) caucus: CaucusResponse;
  @ApiProperty({ type: [CaucusRosterMemberResponse] }) members: CaucusRosterMemberResponse[];
}

export class CaucusPostResponse {
  @ApiProperty() id: string;
  @ApiProperty() author: string;
  @ApiProperty() mine: boolean;
  @ApiProperty() body: string;
  @ApiProperty({ format: 'date-time' }) postedAt: string;
}

export class CaucusVoteResultResponse {
  @ApiProperty() option: string;
  @ApiProperty() votes: number;
}

export class CaucusVoteResponse {
  @ApiProperty() id: string;
  @ApiProperty() question: string;
  @ApiProperty({ type: [String] }) options: string[];
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true }) closedAt: string | null;
  @ApiProperty() openedByYou: boolean;
  @ApiProperty() votesCast: number;
  @ApiProperty() youVoted: boolean;
  @ApiPropertyOptional({ type: [CaucusVoteResultResponse], nullable: true, description: 'Per option once the vote is closed; null while it is open.' })
  results: CaucusVoteResultResponse[] | null;
}

export const toCaucusResponse = (v: CaucusView): CaucusResponse => ({
  id: v.face.id,
  name: v.face.name,
  purpose: v.face.purpose,
  stage: v.face.stage,
  threshold: v.face.threshold,
  count: { exact: v.count.exact, fewerThan: v.count.fewerThan },
  youBelong: v.youBelong,
  createdAt: v.face.createdAt.toISOString(),
  formedAt: v.face.formedAt?.toISOString() ?? null,
});

export const toRosterResponse = (r: RosterView): CaucusRosterResponse => ({
  caucus: toCaucusResponse(r.caucus),
  members: r.members.map((m) => ({ memberId: m.memberId, name: m.name, current: m.current, joinedAt: m.joinedAt.toISOString() })),
});

export const toPostResponse = (p: PostView): CaucusPostResponse => ({ id: p.id, author: p.author, mine: p.mine, body: p.body, postedAt: p.postedAt.toISOString() });

export const toVoteResponse = (v: VoteView): CaucusVoteResponse => ({
  id: v.id,
  question: v.question,
  options: [...v.options],
  openedAt: v.openedAt.toISOString(),
  closedAt: v.closedAt?.toISOString() ?? null,
  openedByYou: v.openedByYou,
  votesCast: v.votesCast,
  youVoted: v.youVoted,
  results: v.results,
});
