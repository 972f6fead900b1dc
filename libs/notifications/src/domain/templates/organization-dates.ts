/**
 * Dates in e-mails and feed entries, in the organization's time zone and language — never a raw
 * ISO timestamp. The one helper every template uses. `ORG_TIME_ZONE` (IANA name, default UTC) and
 * `ORG_LANGUAGE` (BCP 47 tag, default en-GB) are checked at boot (`organizationLocaleFrom`).
 */
export interface OrganizationLocale {
  timeZone: string;
  language: string;
}

export const DEFAULT_ORGANIZATION_LOCALE: OrganizationLocale = { timeZone: 'UTC', language: 'en-GB' };

/** From the environment; a bad value stops the process with a message naming the variable. */
export function organizationLocaleFrom(env: Record<string, string | undefined>): OrganizationLocale {
  const timeZone = env.ORG_TIME_ZONE?.trim() || DEFAULT_ORGANIZATION_LOCALE.timeZone;
  const language = env.ORG_LANGUAGE?.trim() || DEFAULT_ORGANIZATION_LOCALE.language;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
  } catch {
    throw new Error(`ORG_TIME_ZONE must be an IANA time zone such as Europe/Berlin or America/Chicago; "${timeZone}" is not one.`);
  }
  let known = false;
  try {
    known = Intl.DateTimeFormat.supportedLocalesOf([language]).length > 0;
  } catch {
    known = false;
  }
  if (!known) {
    throw new Error(`ORG_LANGUAGE must be a language tag this server knows, such as en-GB, de-DE or es; "${language}" is not one.`);
  }
  return { timeZone, language };
}

export interface OrganizationDates {
  /** A moment (ISO date-time): "1 March 2027 at 11:00 CET". */
  moment(iso: string): string;
  /** A calendar day (YYYY-MM-DD, not shifted by any time zone): "1 March 2027". */
  day(ymd: string): string;
}

export function organizationDates(locale: OrganizationLocale = DEFAULT_ORGANIZATION_LOCALE): OrganizationDates {
  const moment = new Intl.DateTimeFormat(locale.language, { dateStyle: 'long', timeStyle: 'short', timeZone: locale.timeZone });
  const zone = new Intl.DateTimeFormat(locale.language, { timeZone: locale.timeZone, timeZoneName: 'short' });
  const day = new Intl.DateTimeFormat(locale.language, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    moment(iso) {
      const d = new Date(iso);
      if (Number.isNaN(d.getTime())) return iso;
      const tz = zone.formatToParts(d).find((p) => p.type === 'timeZoneName')?.value;
      return tz ? `${moment.format(d)} ${tz}` : moment.format(d);
    },
    day(ymd) {
      const d = new Date(`${ymd.slice(0, 10)}T00:00:00Z`);
      return Number.isNaN(d.getTime()) ? ymd : day.format(d);
    },
  };
}
