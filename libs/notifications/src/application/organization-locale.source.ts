import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@org/platform';
import { organizationLocaleFrom, type OrganizationLocale } from '../domain/templates/organization-dates';
import { OrganizationLocaleReader } from './ports/organization-locale.reader';

/** How long the founded organization's settings are kept before they are read again. */
const KEEP_MS = 60_000;

/**
 * The time zone and language every e-mail and feed entry writes its dates in: the ones the
 * organization set in its founding act; on a database without one (the demo organization),
 * `ORG_TIME_ZONE` / `ORG_LANGUAGE` (checked at boot), else UTC and en-GB.
 */
@Injectable()
export class OrganizationLocaleSource {
  private readonly configured: OrganizationLocale;
  private kept: { locale: OrganizationLocale; until: number } | null = null;

  constructor(
    private readonly reader: OrganizationLocaleReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.configured = organizationLocaleFrom(config.env);
  }

  async current(): Promise<OrganizationLocale> {
    const now = this.clock.now().getTime();
    if (this.kept && this.kept.until > now) return this.kept.locale;
    const founded = await this.reader.founded();
    const locale = founded && usable(founded) ? founded : this.configured;
    this.kept = { locale, until: now + KEEP_MS };
    return locale;
  }
}

/** The founding act checks both; a row written some other way falls back rather than failing every message. */
function usable(l: OrganizationLocale): boolean {
  try {
    new Intl.DateTimeFormat(l.language, { timeZone: l.timeZone });
    return Intl.DateTimeFormat.supportedLocalesOf([l.language]).length > 0;
  } catch {
    return false;
  }
}
