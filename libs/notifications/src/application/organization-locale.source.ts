import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, Clock, type AppConfig } from '@org/platform';
import { organizationLocaleFrom, type OrganizationLocale } from '../domain/templates/organization-dates';
import { OrganizationLocaleReader } from './ports/organization-locale.reader';

/** How long the founded organization's settings are kept before they are read again. */
const KEEP_MS = 60_000;

/** What anyone may know of the organization: the web app writes its dates with these. */
export interface OrganizationPublicSettings {
  /** Null on a database no founding act has run on (the demo organization). */
  name: string | null;
  timeZone: string;
  /** BCP 47 language tag dates and numbers are written in. */
  locale: string;
  /** ISO 4217 code, or null without a founding act. */
  currency: string | null;
}

/**
 * The time zone and language every e-mail, feed entry and screen writes its dates in: the ones
 * the organization set in its founding act; on a database without one (the demo organization),
 * `ORG_TIME_ZONE` / `ORG_LANGUAGE` (checked at boot), else UTC and en-GB.
 */
@Injectable()
export class OrganizationLocaleSource {
  private readonly configured: OrganizationLocale;
  private kept: { settings: OrganizationPublicSettings; locale: OrganizationLocale; until: number } | null = null;

  constructor(
    private readonly reader: OrganizationLocaleReader,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.configured = organizationLocaleFrom(config.env);
  }

  async current(): Promise<OrganizationLocale> {
    return (await this.read()).locale;
  }

  /** Name, time zone, language and currency: public, no secrets (`GET /organization`). */
  async publicSettings(): Promise<OrganizationPublicSettings> {
    return (await this.read()).settings;
  }

  private async read(): Promise<{ settings: OrganizationPublicSettings; locale: OrganizationLocale }> {
    const now = this.clock.now().getTime();
    if (this.kept && this.kept.until > now) return this.kept;
    const founded = await this.reader.founded();
    const locale = founded && usable(founded) ? { timeZone: founded.timeZone, language: founded.language } : this.configured;
    const settings = { name: founded?.name ?? null, timeZone: locale.timeZone, locale: locale.language, currency: founded?.currency ?? null };
    this.kept = { settings, locale, until: now + KEEP_MS };
    return this.kept;
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
