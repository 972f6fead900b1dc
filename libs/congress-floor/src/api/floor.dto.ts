import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsDateString, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ALTERNATION_RULES, ANSWERS, COMPOSITE_STATES, EMERGENCY_ACCEPTANCE, type EmergencyAcceptance, MOTION_STAGES, QUORUM_KINDS, SPEAKING_LISTS, SUBMITTER_KINDS, VOTING_MODES, type AlternationRule, type Answer, type SpeakingList, type SubmitterKind, type VotingMode } from '../domain';

const ALTERNATIONS = Object.keys(ALTERNATION_RULES);
const AGENDA_KINDS = ['report', 'motions', 'business'] as const;

// ── requests ──────────────────────────────────────────────────────────────────────────────

export class QuorumDto {
  @ApiProperty({ enum: QUORUM_KINDS, description: '`none`; `count`: at least `value` accredited delegates; `share`: at least `value` per cent of the delegates elected, accredited.' })
  @IsIn(QUORUM_KINDS as unknown as string[], { message: `quorum.kind must be ${QUORUM_KINDS.join(', ')}` })
  kind: (typeof QUORUM_KINDS)[number];

  @ApiProperty({ minimum: 0, maximum: 100000, description: 'A count of delegates, or a percentage (0–100) for a share; 0 for none.' })
  @IsInt({ message: 'quorum.value must be a whole number' })
  @Min(0)
  @Max(100_000)
  value: number;
}

export class StandingOrdersDto {
  @ApiProperty({ format: 'date-time', description: 'Motions, and their seconders, before this instant.' })
  @IsDateString({ strict: true }, { message: 'motionDeadline must be a date-time (ISO 8601)' })
  motionDeadline: string;

  @ApiProperty({ minimum: 0, maximum: 100, description: "Seconders a member's motion needs before it is admitted." })
  @IsInt({ message: 'secondersRequired must be a whole number' })
  @Min(0)
  @Max(100)
  secondersRequired: number;

  @ApiProperty({ enum: VOTING_MODES })
  @IsIn(VOTING_MODES as unknown as string[], { message: `voting must be ${VOTING_MODES.join(' or ')}` })
  voting: VotingMode;

  @ApiProperty({ enum: ALTERNATIONS, description: Object.entries(ALTERNATION_RULES).map(([k, v]) => `\`${k}\`: ${v}`).join(' ') })
  @IsIn(ALTERNATIONS, { message: `alternation must be one of ${ALTERNATIONS.join(', ')}` })
  alternation: AlternationRule;

  @ApiProperty({ minimum: 30, maximum: 3600, description: 'Speaking time per speech (a point of order: a third).' })
  @IsInt({ message: 'speakingSeconds must be a whole number' })
  @Min(30)
  @Max(3600)
  speakingSeconds: number;

  @ApiPropertyOptional({ type: QuorumDto, description: 'Delegates present (accredited) before a vote opens; absent: no quorum.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => QuorumDto)
  quorum?: QuorumDto;

  @ApiPropertyOptional({ enum: Object.keys(EMERGENCY_ACCEPTANCE), description: `Who puts an admitted emergency motion on the agenda (default \`congress\`). ${Object.entries(EMERGENCY_ACCEPTANCE).map(([k, v]) => `\`${k}\`: ${v}`).join(' ')}` })
  @IsOptional()
  @IsIn(Object.keys(EMERGENCY_ACCEPTANCE), { message: `emergencyAcceptance must be ${Object.keys(EMERGENCY_ACCEPTANCE).join(' or ')}` })
  emergencyAcceptance?: EmergencyAcceptance;
}

export class OpenFloorRequest {
  @ApiProperty({ type: StandingOrdersDto })
  @ValidateNested()
  @Type(() => StandingOrdersDto)
  standingOrders: StandingOrdersDto;

  @ApiProperty({ type: [String], description: 'Members who chair the congress.' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'chairs must be member ids' })
  chairs: string[];

  @ApiProperty({ type: [String], description: 'The standing orders committee (admits or refuses motions).' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'standingOrdersCommittee must be member ids' })
  standingOrdersCommittee: string[];
}

export class AgendaItemRequest {
  @ApiProperty({ example: "Executive Committee's report", minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ enum: AGENDA_KINDS })
  @IsIn(AGENDA_KINDS as unknown as string[], { message: `kind must be ${AGENDA_KINDS.join(', ')}` })
  kind: (typeof AGENDA_KINDS)[number];

  @ApiPropertyOptional({ description: 'The report (executive, Control Commission with its transparency figures, treasurer), as presented.', maxLength: 100000 })
  @IsOptional()
  @IsString()
  @MaxLength(100_000)
  reportText?: string;

  @ApiPropertyOptional({ example: 'Executive Committee', maxLength: 200 })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  presentedBy?: string;

  @ApiProperty({ format: 'date-time' })
  @IsDateString({ strict: true }, { message: 'startsAt must be a date-time (ISO 8601)' })
  startsAt: string;

  @ApiProperty({ minimum: 1, maximum: 1440 })
  @IsInt({ message: 'minutes must be a whole number' })
  @Min(1)
  @Max(1440)
  minutes: number;
}

export class SubmitterDto {
  @ApiProperty({ enum: SUBMITTER_KINDS })
  @IsIn(SUBMITTER_KINDS as unknown as string[], { message: `submitter.kind must be ${SUBMITTER_KINDS.join(', ')}` })
  kind: SubmitterKind;

  @ApiPropertyOptional({ description: 'The branch (branch) or caucus (caucus); for a member: yourself (default); none for the executive.' })
  @IsOptional()
  @IsUUID('all', { message: 'submitter.ref must be a UUID' })
  ref?: string;
}

export class EmergencyDto {
  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'Why it could not be submitted before the deadline: what happened after it.' })
  @IsString()
  @Length(1, 5000)
  reason: string;
}

export class SubmitMotionRequest {
  @ApiProperty({ minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ description: 'The motion, one line per line (amendments name lines).', maxLength: 50000 })
  @IsString()
  @Length(1, 50_000)
  text: string;

  @ApiProperty({ type: SubmitterDto })
  @ValidateNested()
  @Type(() => SubmitterDto)
  submitter: SubmitterDto;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string;

  @ApiPropertyOptional({ type: EmergencyDto, description: 'Only after the deadline: an emergency motion, with the reason it could not be submitted in time.' })
  @IsOptional()
  @ValidateNested()
  @Type(() => EmergencyDto)
  emergency?: EmergencyDto;
}

export class EditMotionRequest {
  @ApiPropertyOptional({ minLength: 3, maxLength: 200 })
  @IsOptional()
  @IsString()
  @Length(3, 200)
  title?: string;

  @ApiPropertyOptional({ maxLength: 50000 })
  @IsOptional()
  @IsString()
  @Length(1, 50_000)
  text?: string;
}

export class AdmitMotionRequest {
  @ApiPropertyOptional({ description: 'The agenda item it is debated under.' })
  @IsOptional()
  @IsUUID('all', { message: 'agendaItemId must be a UUID' })
  agendaItemId?: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 5000, description: "The committee's reason, published with the motion; required for an emergency motion." })
  @IsOptional()
  @IsString()
  @Length(1, 5000)
  reason?: string;
}

export class RefuseMotionRequest {
  @ApiProperty({ minLength: 10, maxLength: 5000, description: 'Published with the motion.' })
  @IsString()
  @Length(1, 5000)
  reason: string;
}

export class AmendmentRequest {
  @ApiProperty({ minimum: 1, description: 'First line replaced (1-based).' })
  @IsInt({ message: 'fromLine must be a whole number' })
  @Min(1)
  @Max(100_000)
  fromLine: number;

  @ApiProperty({ minimum: 0, description: 'Last line replaced (inclusive); fromLine − 1 to insert before fromLine.' })
  @IsInt({ message: 'toLine must be a whole number' })
  @Min(0)
  @Max(100_000)
  toLine: number;

  @ApiProperty({ description: 'The new lines (empty: delete the lines).', maxLength: 50000 })
  @IsString()
  @MaxLength(50_000)
  text: string;
}

export class SpeakRequest {
  @ApiPropertyOptional({ description: 'A chair puts this delegate on the list; absent: yourself.' })
  @IsOptional()
  @IsUUID('all', { message: 'memberId must be a UUID' })
  memberId?: string;

  @ApiPropertyOptional({ enum: SPEAKING_LISTS, description: 'Under alternating lists: the list you ask on (default open).' })
  @IsOptional()
  @IsIn(SPEAKING_LISTS as unknown as string[], { message: `list must be ${SPEAKING_LISTS.join(' or ')}` })
  list?: SpeakingList;

  @ApiPropertyOptional({ description: 'A point of order: called before the speakers waiting.' })
  @IsOptional()
  @IsBoolean()
  pointOfOrder?: boolean;
}

export class OpenVoteRequest {
  @ApiPropertyOptional({ description: 'An amendment to vote on; absent: the motion itself (as amended).' })
  @IsOptional()
  @IsUUID('all', { message: 'amendmentId must be a UUID' })
  amendmentId?: string;
}

export class ProposeCompositeRequest {
  @ApiProperty({ minLength: 3, maxLength: 200 })
  @IsString()
  @Length(3, 200)
  title: string;

  @ApiProperty({ description: 'The composite text, one line per line.', maxLength: 50000 })
  @IsString()
  @Length(1, 50_000)
  text: string;

  @ApiProperty({ type: [String], description: 'The admitted motions it would replace (at least two).' })
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true, message: 'motionIds must be motion ids' })
  motionIds: string[];
}

export class CompositeAnswerRequest {
  @ApiProperty({ description: 'The original motion you moved and answer for.' })
  @IsUUID('all', { message: 'motionId must be a UUID' })
  motionId: string;

  @ApiProperty({ description: 'true: you consent to the composite replacing your motion; false: you refuse (the originals stay).' })
  @IsBoolean({ message: 'consent must be true or false' })
  consent: boolean;
}

export class CompositeWithdrawalRequest {
  @ApiProperty({ description: 'The original motion you moved, for which you consent to withdrawing the composite.' })
  @IsUUID('all', { message: 'motionId must be a UUID' })
  motionId: string;
}

export class CastVoteRequest {
  @ApiProperty({ enum: ANSWERS })
  @IsIn(ANSWERS as unknown as string[], { message: `answer must be ${ANSWERS.join(', ')}` })
  answer: Answer;
}

// ── responses ─────────────────────────────────────────────────────────────────────────────

export class StandingOrdersResponse {
  @ApiProperty({ format: 'date-time' }) motionDeadline: string;
  @ApiProperty() secondersRequired: number;
  @ApiProperty({ enum: VOTING_MODES }) voting: string;
  @ApiProperty({ enum: ALTERNATIONS }) alternation: string;
  @ApiProperty() speakingSeconds: number;
  @ApiProperty({ type: QuorumDto }) quorum: QuorumDto;
  @ApiProperty({ enum: Object.keys(EMERGENCY_ACCEPTANCE) }) emergencyAcceptance: string;
}

export class AgendaItemResponse {
  @ApiProperty() id: string;
  @ApiProperty() congressId: string;
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AGENDA_KINDS }) kind: string;
  @ApiProperty({ type: String, nullable: true }) reportText: string | null;
  @ApiProperty({ type: String, nullable: true }) presentedBy: string | null;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty() minutes: number;
  @ApiProperty({ type: String, nullable: true, enum: SPEAKING_LISTS }) lastList: string | null;
}

export class FloorResponse {
  @ApiProperty() congressId: string;
  @ApiProperty({ type: StandingOrdersResponse }) standingOrders: StandingOrdersResponse;
  @ApiProperty({ type: [String] }) chairs: string[];
  @ApiProperty({ type: [String] }) standingOrdersCommittee: string[];
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: [AgendaItemResponse] }) agenda: AgendaItemResponse[];
}

export class DiffLineResponse {
  @ApiProperty({ enum: ['same', 'removed', 'added'] }) kind: string;
  @ApiProperty({ type: Number, nullable: true }) line: number | null;
  @ApiProperty() text: string;
}

export class AmendmentResponse {
  @ApiProperty() id: string;
  @ApiProperty() motionId: string;
  @ApiProperty({ type: String, nullable: true, description: 'The pending amendment this one amends (its lines are that amendment’s); null: an amendment to the motion.' }) amends: string | null;
  @ApiProperty() number: number;
  @ApiProperty() fromLine: number;
  @ApiProperty() toLine: number;
  @ApiProperty() text: string;
  @ApiProperty() movedBy: string;
  @ApiProperty({ enum: ['submitted', 'voting', 'carried', 'lost', 'fallen', 'withdrawn'] }) stage: string;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: [DiffLineResponse], description: 'The amendment shown against the motion (an amendment to an amendment: against that amendment’s text).' }) diff: DiffLineResponse[];
  @ApiProperty({ description: 'Its text with its carried amendments applied: what it puts into the motion if carried.' }) textAsAmended: string;
}

export class VoteResponse {
  @ApiProperty() id: string;
  @ApiProperty() congressId: string;
  @ApiProperty() motionId: string;
  @ApiProperty({ type: String, nullable: true }) amendmentId: string | null;
  @ApiProperty() secret: boolean;
  @ApiProperty({ description: 'A recorded card vote: every card published with the result, by delegation.' }) byCard: boolean;
  @ApiProperty({ description: 'Accredited delegates (present) when the vote opened.' }) electorate: number;
  @ApiProperty({ type: Number, nullable: true, description: 'The quorum the standing orders required when it opened; null: none set.' }) quorum: number | null;
  @ApiProperty({ description: "The congress's vote on accepting an admitted emergency motion onto its agenda." }) acceptance: boolean;
  @ApiProperty({ format: 'date-time' }) openedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) closedAt: string | null;
  @ApiProperty() yes: number;
  @ApiProperty() no: number;
  @ApiProperty() abstain: number;
  @ApiProperty({ type: Boolean, nullable: true }) carried: boolean | null;
  @ApiPropertyOptional() voted?: number;
}

export class VoteCardResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: ANSWERS }) answer: string;
}

export class DelegationCardResponse {
  @ApiProperty() memberId: string;
  @ApiProperty({ description: 'The branch that elected the delegate.' }) delegation: string;
  @ApiProperty({ description: "The card's weight: one mandate per accredited delegate." }) weight: number;
  @ApiProperty({ enum: ANSWERS }) answer: string;
}

export class DelegationTotalResponse {
  @ApiProperty() delegation: string;
  @ApiProperty() cards: number;
  @ApiProperty() yes: number;
  @ApiProperty() no: number;
  @ApiProperty() abstain: number;
}

export class VoteDetailResponse extends VoteResponse {
  @ApiProperty({ type: [VoteCardResponse], nullable: true, description: 'Open and card votes: every card; secret votes: null.' }) cards: VoteCardResponse[] | null;
  @ApiProperty({ type: [DelegationCardResponse], nullable: true, description: 'Card votes: each card with its delegation and weight, published with the result; otherwise null.' }) cardVote: DelegationCardResponse[] | null;
  @ApiProperty({ type: [DelegationTotalResponse], nullable: true, description: "Card votes: each delegation's cards summed; otherwise null." }) delegations: DelegationTotalResponse[] | null;
}

export class CastVoteResponse {
  @ApiProperty() voteId: string;
  @ApiProperty() counted: boolean;
}

export class SubmitterResponse {
  @ApiProperty({ enum: [...SUBMITTER_KINDS, 'composite'] }) kind: string;
  @ApiProperty({ type: String, nullable: true }) ref: string | null;
}

export class CompositeOriginalResponse {
  @ApiProperty() motionId: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: SubmitterResponse, description: 'The mover who answers for it.' }) submitter: SubmitterResponse;
  @ApiProperty({ type: Boolean, nullable: true, description: 'null: not yet answered.' }) consent: boolean | null;
  @ApiProperty({ type: String, nullable: true, description: "The member who answered for this original's mover; null when not yet answered, or when the mover is a caucus (its roster is sealed)." }) answeredBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) answeredAt: string | null;
  @ApiProperty({ type: String, nullable: true, description: "Who consented, for this original's mover, to withdrawing the composite motion (null: not yet, or the mover is a caucus, whose roster is sealed)." }) withdrawalBy: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) withdrawalAt: string | null;
}

export class CompositeResponse {
  @ApiProperty() id: string;
  @ApiProperty() congressId: string;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty() proposedBy: string;
  @ApiProperty({ format: 'date-time' }) proposedAt: string;
  @ApiProperty({ enum: COMPOSITE_STATES }) state: string;
  @ApiProperty({ type: [CompositeOriginalResponse] }) originals: CompositeOriginalResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'The composite motion, once every mover consented.' }) motionId: string | null;
}

export class CompositeOfResponse {
  @ApiProperty() motionId: string;
  @ApiProperty() number: number;
  @ApiProperty({ type: SubmitterResponse }) submitter: SubmitterResponse;
}

export class MotionResponse {
  @ApiProperty() id: string;
  @ApiProperty() congressId: string;
  @ApiProperty({ type: String, nullable: true }) agendaItemId: string | null;
  @ApiProperty() number: number;
  @ApiProperty() title: string;
  @ApiProperty() text: string;
  @ApiProperty({ type: SubmitterResponse }) submitter: SubmitterResponse;
  @ApiProperty({ type: String, nullable: true, description: "The member who submitted it; null for a caucus's motion (a caucus's roster is visible to its members only)." }) submittedBy: string | null;
  @ApiProperty({ enum: MOTION_STAGES }) stage: string;
  @ApiProperty({ type: [String] }) seconders: string[];
  @ApiProperty() secondersMissing: number;
  @ApiProperty({ type: String, nullable: true, description: 'Composited: the composite motion that replaced it.' }) compositedInto: string | null;
  @ApiProperty({ type: [CompositeOfResponse], nullable: true, description: 'A composite motion: the motions it replaced and their movers.' }) compositeOf: CompositeOfResponse[] | null;
  @ApiProperty({ type: String, nullable: true, description: 'Published with a refused motion.' }) refusalReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: "An emergency motion: its mover's reason it could not be submitted before the deadline; null: an ordinary motion." }) emergencyReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: "The standing orders committee's reason for admitting it (always given for an emergency motion), published." }) admissionReason: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The motion as amended, produced when its vote closes.' }) amendedText: string | null;
  @ApiProperty({ format: 'date-time' }) submittedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) decidedAt: string | null;
  @ApiProperty() version: number;
  @ApiProperty({ type: [AmendmentResponse] }) amendments: AmendmentResponse[];
  @ApiProperty({ type: [VoteResponse] }) votes: VoteResponse[];
}

export class SpeakerResponse {
  @ApiProperty() id: string;
  @ApiProperty() agendaItemId: string;
  @ApiProperty() memberId: string;
  @ApiProperty({ enum: SPEAKING_LISTS }) list: string;
  @ApiProperty() pointOfOrder: boolean;
  @ApiProperty() seq: number;
  @ApiProperty({ enum: ['waiting', 'speaking', 'done', 'withdrawn'] }) state: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) startedAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endsAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
}

export class CurrentSpeakerResponse extends SpeakerResponse {
  @ApiProperty({ description: 'Seconds of speaking time left (the clock).' }) secondsLeft: number;
}

export class WaitingSpeakerResponse extends SpeakerResponse {
  @ApiProperty({ description: 'Has not yet spoken at this congress.' }) firstTime: boolean;
}

export class SpeakersResponse {
  @ApiProperty() agendaItemId: string;
  @ApiProperty({ enum: ALTERNATIONS }) alternation: string;
  @ApiProperty({ type: CurrentSpeakerResponse, nullable: true }) speaking: CurrentSpeakerResponse | null;
  @ApiProperty({ type: [WaitingSpeakerResponse], description: 'In the order they will be called.' }) waiting: WaitingSpeakerResponse[];
  @ApiProperty({ type: [SpeakerResponse] }) done: SpeakerResponse[];
}

export class SpeechResponse {
  @ApiProperty() memberId: string;
  @ApiProperty() pointOfOrder: boolean;
  @ApiProperty({ format: 'date-time' }) startedAt: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) endedAt: string | null;
}

export class MinutesItemResponse {
  @ApiProperty() position: number;
  @ApiProperty() title: string;
  @ApiProperty({ enum: AGENDA_KINDS }) kind: string;
  @ApiProperty({ format: 'date-time' }) startsAt: string;
  @ApiProperty({ type: String, nullable: true }) presentedBy: string | null;
  @ApiProperty({ type: [SpeechResponse] }) speeches: SpeechResponse[];
  @ApiProperty({ type: [MotionResponse] }) motions: MotionResponse[];
}

export class MinutesResponse {
  @ApiProperty() congressId: string;
  @ApiProperty({ type: [MinutesItemResponse] }) items: MinutesItemResponse[];
  @ApiProperty({ type: [MotionResponse] }) otherMotions: MotionResponse[];
  @ApiProperty({ description: 'The same record as plain text.' }) text: string;
}
