import { ApiProperty } from '@nestjs/swagger';
import { BODY_KINDS, MANDATE_ROLES } from '../domain/body-kind';

export class SittingMandateResponse {
  @ApiProperty() id: string;
  @ApiProperty({ description: 'The holder’s name (nothing else about them).' }) holderName: string;
  @ApiProperty({ enum: MANDATE_ROLES }) role: string;
  @ApiProperty({ format: 'date' }) startsOn: string;
  @ApiProperty({ format: 'date', nullable: true, type: String, description: 'The day the mandate ends (exclusive); null: until replaced.' }) endsOn: string | null;
  @ApiProperty({ enum: ['election', 'founding', 'appointment'], description: 'How the seat was filled: an election of the body, the founding act (as elected at the last congress), or an appointment.' })
  sourceKind: string;
  @ApiProperty({ description: 'Which election, congress or decision.' }) sourceRef: string;
}

export class PublicBodyResponse {
  @ApiProperty() id: string;
  @ApiProperty({ enum: BODY_KINDS }) kind: string;
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) branchId: string | null;
  @ApiProperty({ nullable: true, type: String }) branchName: string | null;
  @ApiProperty() seats: number;
  @ApiProperty({ type: [SittingMandateResponse], description: 'The mandates current today.' }) mandates: SittingMandateResponse[];
}
