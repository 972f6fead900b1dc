import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Policy } from '@org/identity';
import { OrganizationLocaleSource } from '../application/organization-locale.source';

export class OrganizationSettingsResponse {
  @ApiProperty({ nullable: true, type: String, description: 'The name from the founding act; null on a database without one (the demo organization).' }) name: string | null;
  @ApiProperty({ example: 'Europe/Berlin', description: 'IANA time zone every screen, e-mail and feed entry writes its dates in.' }) timeZone: string;
  @ApiProperty({ example: 'de-DE', description: 'BCP 47 language tag dates and numbers are written in.' }) locale: string;
  @ApiProperty({ nullable: true, type: String, example: 'EUR', description: 'ISO 4217 currency from the founding act; null without one.' }) currency: string | null;
}

@ApiTags('organization')
@Controller('organization')
export class OrganizationController {
  constructor(private readonly settings: OrganizationLocaleSource) {}

  @Get()
  @Policy.public("the organization's name, time zone, language and currency are public (a democratic organization's own face); the web app writes every date with them")
  @ApiOkResponse({ type: OrganizationSettingsResponse })
  get(): Promise<OrganizationSettingsResponse> {
    return this.settings.publicSettings();
  }
}
