import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { VACANCY_REASONS, type VacancyReason } from '../application/ports/seat-changes.repository';
import type { LateWithdrawalView, VacancyView } from '../application/use-cases/vacancies.use-case';
import { VACANCY_RULES, type VacancyRule } from '../domain/counting';

export class RecordVacancyRequest {
  @ApiProperty({ description: 'The winner (candidate id) who cannot take the seat or leaves it.' })
  @IsUUID('all', { message: 'candidateId must be a UUID' })
  candidateId: string;

  @ApiProperty({ enum: VACANCY_REASONS, description: 'declined: never took the seat; left: resigned or died; ineligible: can no longer hold it (S2, status).' })
  @IsIn(VACANCY_REASONS as unknown as string[], { message: `reason must be one of ${VACANCY_REASONS.join(', ')}` })
  reason: VacancyReason;
}

export class LateWithdrawalResponse implements LateWithdrawalView {
  @ApiProperty() electionId: string;
  @ApiProperty() candidateId: string;
  @ApiProperty({ description: 'Still on the paper with this number; skipped on every ballot at the count.' }) ballotNumber: number;
  @ApiProperty({ enum: [true] }) withdrawnAfterOpening: true;
}

export class SeatHolderResponse {
  @ApiProperty() candidateId: string;
  @ApiProperty({ description: 'Number on the ballot paper (and in the BLT file).' }) number: number;
  @ApiProperty() name: string;
}

export class VacancyResponse implements VacancyView {
  @ApiProperty() id: string;
  @ApiProperty() electionId: string;
  @ApiProperty({ type: SeatHolderResponse }) vacating: SeatHolderResponse;
  @ApiProperty({ enum: VACANCY_REASONS }) reason: VacancyReason;
  @ApiProperty({ enum: VACANCY_RULES, description: 'The organization’s rule (ELECTIONS_VACANCY_RULE); methods without ranked ballots always use next-highest.' }) rule: VacancyRule;
  @ApiProperty({ type: SeatHolderResponse, nullable: true, description: 'Null when nobody was left to take the seat.' }) filledBy: SeatHolderResponse | null;
  @ApiProperty({ type: String, nullable: true, description: 'The mandate the filled seat became.' }) mandateId: string | null;
  @ApiProperty({ type: [Number], description: 'The seats after this vacancy was filled, as ballot numbers.' }) seatedNumbers: number[];
  @ApiProperty({ type: 'object', additionalProperties: true, nullable: true, description: 'Countback: the recount round by round (candidates 0-based in ballot order).' }) recount: unknown;
  @ApiProperty({ description: 'The command that recounts this from the published BLT file (GET /elections/:id/ballots.blt).' }) recountCommand: string;
  @ApiProperty() recordedAt: string;
}
