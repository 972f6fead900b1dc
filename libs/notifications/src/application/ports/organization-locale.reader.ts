import type { OrganizationLocale } from '../../domain/templates/organization-dates';

/** What the founding act wrote about the organization itself (all of it public). */
export interface FoundedOrganization extends OrganizationLocale {
  name: string;
  currency: string;
}

/**
 * The organization the founding act (`npm run org:init`) wrote — its name, time zone, language
 * and currency — or null on a database no founding act has run on (the demo organization).
 */
export abstract class OrganizationLocaleReader {
  abstract founded(): Promise<FoundedOrganization | null>;
}
