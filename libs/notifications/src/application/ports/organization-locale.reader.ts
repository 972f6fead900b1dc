import type { OrganizationLocale } from '../../domain/templates/organization-dates';

/**
 * The time zone and language the organization set in its founding act (`npm run org:init`),
 * or null on a database no founding act has run on (the demo organization).
 */
export abstract class OrganizationLocaleReader {
  abstract founded(): Promise<OrganizationLocale | null>;
}
