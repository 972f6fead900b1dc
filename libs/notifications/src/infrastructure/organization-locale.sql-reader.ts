import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { maybeOne } from '@org/platform';
import { OrganizationLocaleReader, type FoundedOrganization } from '../application/ports/organization-locale.reader';

interface OrganizationRow {
  name: string;
  time_zone: string;
  locale: string;
  currency: string;
}

/** Reads the founding act's one organization row. */
@Injectable()
export class OrganizationLocaleSqlReader extends OrganizationLocaleReader {
  constructor(@InjectDataSource() private readonly ds: DataSource) {
    super();
  }

  async founded(): Promise<FoundedOrganization | null> {
    const row = await maybeOne<OrganizationRow>(this.ds.manager, `SELECT name, time_zone, locale, currency FROM membership.organization LIMIT 1`);
    return row ? { name: row.name, timeZone: row.time_zone, language: row.locale, currency: row.currency } : null;
  }
}
